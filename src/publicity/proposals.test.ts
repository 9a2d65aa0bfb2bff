import { describe, expect, it } from "vitest";
import { classifyMatch, guessOutlet, matchText, sameArticle } from "./proposals";
import { DRAFT_BODY, DRAFT_TITLE, OTHER_ARTICLES, PUBLISHED_VARIANTS } from "./testdata/proposal-texts";

const draft = matchText(DRAFT_TITLE, DRAFT_BODY);

describe("the same-article threshold", () => {
  it.each(PUBLISHED_VARIANTS)("matches the published draft: %s", (_what, title, body) => {
    const s = sameArticle(draft, matchText(title, body));
    expect(s).not.toBeNull();
    expect(s!).toBeGreaterThan(0.85);
  });

  it.each(OTHER_ARTICLES)("does not match another article: %s", (_what, title, body) => {
    expect(sameArticle(draft, matchText(title, body))).toBeNull();
  });

  it("matches the draft itself fully, either way round", () => {
    const same = matchText(DRAFT_TITLE, DRAFT_BODY);
    expect(sameArticle(draft, same)).toBe(1);
    const [, title, body] = PUBLISHED_VARIANTS[1]!;
    expect(sameArticle(matchText(title, body), draft)).toBe(sameArticle(draft, matchText(title, body)));
  });
});

describe("the outlet guess", () => {
  const outlets = [
    { id: 1, hosts: ["www.qhdaily.cn"], sourceId: null, active: true },
    { id: 2, hosts: ["news.city.gov.cn"], sourceId: 7, active: true },
    { id: 3, hosts: ["old.example.cn"], sourceId: null, active: false },
  ];
  it("prefers the outlet fed by the item's source, then the host with or without www.", () => {
    expect(guessOutlet(outlets, 7, "https://www.qhdaily.cn/a/1.html")).toBe(2);
    expect(guessOutlet(outlets, 9, "https://qhdaily.cn/a/1.html")).toBe(1);
    expect(guessOutlet(outlets, 9, "http://WWW.QHDAILY.CN/a/1.html")).toBe(1);
    expect(guessOutlet(outlets, 9, "https://m.qhdaily.cn/a/1.html")).toBe(1);
  });
  it("guesses nothing for unknown or inactive hosts and for non-web links", () => {
    expect(guessOutlet(outlets, 9, "https://bbs.other.cn/t/5")).toBeNull();
    expect(guessOutlet(outlets, 9, "https://old.example.cn/x")).toBeNull();
    expect(guessOutlet(outlets, 9, "javascript:alert(1)")).toBeNull();
    expect(guessOutlet(outlets, 9, null)).toBeNull();
  });
});

describe("proposal or spread", () => {
  it("proposes the first item per outlet and counts the outlet's repeats and outlet-less reposts as spread", () => {
    const known = { outlets: new Set<number>(), groups: new Set<string>() };
    expect(classifyMatch(known, 1, "10")).toBe("pending");
    expect(classifyMatch(known, 1, "11")).toBe("spread");
    expect(classifyMatch(known, null, "10")).toBe("spread");
    expect(classifyMatch(known, 2, "10")).toBe("pending"); // a second outlet ran the same piece
    expect(classifyMatch(known, 2, "12")).toBe("spread");
    expect(classifyMatch(known, null, "13")).toBe("pending");
    expect(classifyMatch(known, null, "13")).toBe("spread");
  });
});
