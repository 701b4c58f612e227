import { describe, expect, it } from "vitest";
import { parseRoleMap, roleFromClaims } from "./oidc-roles";

describe("OIDC role mapping", () => {
  const map = parseRoleMap("strata-admins=ADMIN, risk = REVIEWER,owners=PRODUCT_OWNER");

  it("maps the most privileged matching group", () => {
    expect(roleFromClaims({ groups: ["owners", "risk"] }, "groups", map)).toBe("REVIEWER");
    expect(roleFromClaims({ groups: ["strata-admins", "owners"] }, "groups", map)).toBe("ADMIN");
  });

  it("accepts a space- or comma-separated string claim and a custom claim name", () => {
    expect(roleFromClaims({ roles: "staff owners" }, "roles", map)).toBe("PRODUCT_OWNER");
  });

  it("falls back to the default role, or none", () => {
    expect(roleFromClaims({ groups: ["staff"] }, "groups", map)).toBeUndefined();
    expect(roleFromClaims({}, "groups", map, "VIEWER")).toBe("VIEWER");
  });
});
