// Detectors for the PII types whose shape is exact enough to find locally without a model.
// Types like NAME or ADDRESS need Bedrock's classifier and are reported as not evaluated.

export type PiiDetector = { type: string; pattern: RegExp; accept?: (match: string) => boolean };

/** The Luhn checksum every payment card number carries. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return digits.length > 0 && sum % 10 === 0;
}

const onlyDigits = (s: string) => s.replace(/\D/g, "");

export const PII_DETECTORS: readonly PiiDetector[] = [
  {
    type: "CREDIT_DEBIT_CARD_NUMBER",
    // 13–19 digits, optionally grouped by single spaces or hyphens; the Luhn check decides.
    pattern: /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])/g,
    accept: (m) => luhnValid(onlyDigits(m)),
  },
  {
    type: "US_SOCIAL_SECURITY_NUMBER",
    // Area 000, 666 and 9xx, group 00 and serial 0000 are never issued.
    pattern: /(?<![\d-])(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}(?![\d-])/g,
  },
  {
    type: "AWS_ACCESS_KEY",
    pattern: /(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA|AIDA|AROA)[A-Z0-9]{16}(?![A-Z0-9])/g,
  },
  {
    type: "EMAIL",
    pattern: /(?<![\w.+-])[A-Za-z0-9._%+-]{1,64}@(?:[A-Za-z0-9-]{1,63}\.){1,8}[A-Za-z]{2,24}(?![\w-])/g,
  },
  {
    type: "URL",
    pattern: /\b(?:https?:\/\/|www\.)[^\s<>"']{1,2000}[^\s<>"'.,;:!?)\]]/g,
  },
  {
    type: "IP_ADDRESS",
    // IPv4 with each octet 0–255. (IPv6 is not detected locally.)
    pattern: /(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?![\d.]*\d)/g,
  },
  {
    type: "PHONE",
    // NANP (555-123-4567, (555) 123-4567, +1 555 123 4567) and international +CC forms with
    // 10–15 digits; never a run inside a longer digit sequence (a card number or an id).
    pattern: /(?<![\d+][ .-]?)(?<![\w+])(?:\+\d{1,3}[ .-]?)?(?:\(\d{2,4}\)[ .-]?|\d{2,4}[ .-])\d{3,4}[ .-]?\d{3,4}(?![ .-]?\d)(?!\w)/g,
    accept: (m) => {
      const n = onlyDigits(m).length;
      return n >= 10 && n <= 15;
    },
  },
];

export const LOCALLY_DETECTED_PII: ReadonlySet<string> = new Set(PII_DETECTORS.map((d) => d.type));
