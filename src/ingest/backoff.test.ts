import { describe, expect, it } from "vitest";
import { nextFetchDelaySeconds } from "./backoff";

const middle = () => 0.5; // no jitter

describe("nextFetchDelaySeconds", () => {
  it("waits the normal interval when there are no errors", () => {
    expect(nextFetchDelaySeconds(300, 0, middle)).toBe(300);
  });

  it("doubles the wait for each consecutive error", () => {
    expect(nextFetchDelaySeconds(300, 1, middle)).toBe(600);
    expect(nextFetchDelaySeconds(300, 3, middle)).toBe(2400);
  });

  it("never waits more than a day, however many errors", () => {
    expect(nextFetchDelaySeconds(300, 10, middle)).toBe(86_400);
    expect(nextFetchDelaySeconds(300, 10_000, () => 1)).toBe(86_400);
  });

  it("spreads fetches by ±10%", () => {
    expect(nextFetchDelaySeconds(1000, 0, () => 0)).toBe(900);
    expect(nextFetchDelaySeconds(1000, 0, () => 1)).toBe(1100);
    expect(nextFetchDelaySeconds(300, 20, () => 0)).toBe(77_760);
  });

  it("does not shorten a source whose own interval is over a day", () => {
    expect(nextFetchDelaySeconds(2 * 86_400, 3, middle)).toBe(2 * 86_400);
  });

  it("treats nonsense input as the smallest sane values", () => {
    expect(nextFetchDelaySeconds(60, -3, middle)).toBe(60);
    expect(nextFetchDelaySeconds(Number.NaN, 0, middle)).toBe(1);
  });
});
