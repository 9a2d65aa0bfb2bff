import { describe, expect, it } from "vitest";
import { tokenFromAddress } from "./token";

describe("tokenFromAddress", () => {
  it("takes the token from the fragment or the query and leaves the rest of the address", () => {
    expect(tokenFromAddress({ pathname: "/wall", search: "", hash: "#t=abc_-1" })).toEqual({ token: "abc_-1", cleaned: "/wall" });
    expect(tokenFromAddress({ pathname: "/wall", search: "?lang=en&t=xyz", hash: "" })).toEqual({ token: "xyz", cleaned: "/wall?lang=en" });
    expect(tokenFromAddress({ pathname: "/wall", search: "?t=q", hash: "#t=h" })).toEqual({ token: "h", cleaned: "/wall" });
    expect(tokenFromAddress({ pathname: "/wall", search: "?lang=en", hash: "" })).toEqual({ token: null, cleaned: "/wall?lang=en" });
  });
});
