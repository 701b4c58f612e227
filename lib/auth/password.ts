import { hash, verify } from "@node-rs/argon2";

// Argon2id with the OWASP-recommended minimum (19 MiB, 2 passes, 1 lane).
export const PASSWORD_HASH_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, PASSWORD_HASH_OPTIONS);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * Verified against when the email has no usable account (unknown, deactivated, SSO only), so the
 * answer takes as long as for a real one. A constant with the same parameters, not computed on
 * first use: that first call would otherwise be the slow one.
 */
export const DUMMY_PASSWORD_HASH = "$argon2id$v=19$m=19456,t=2,p=1$4vBAeYLKXByy+VaKaVyDlQ$VQhQJUlvS/Nosjb63GBOcx+5Vig22Y164FKiLnllD98";
