// Events are incidents, not topics: reports through the whole pipeline (keywords and entities from
// jieba, near-duplicate groups) land in one event only when they are about the same incident.
import { describe, expect, it } from "vitest";
import { Analyser } from "../pipeline";
import {
  BROKEN_LIGHTS, CANTEEN_OPENING, closureNotice, FIRE_HEDONG, FIRE_LANGHE, FIRE_LANGHE_CASUALTIES, itemOf, repostOf, TUTORING_FEE, WORKS_BINHE, WORKS_BINHE_REPLY,
  WORKS_JIEFANG, T0,
} from "./testdata/incident-reports";

function eventOf(a: Analyser, ...args: Parameters<typeof itemOf>): number {
  return a.analyse(itemOf(...args)).event.eventId;
}

describe("events are incidents", () => {
  it("keeps two fires in different towns on the same morning in two events", () => {
    const a = new Analyser();
    expect(eventOf(a, FIRE_HEDONG, 2, 1)).not.toBe(eventOf(a, FIRE_LANGHE, 1, 0));
  });

  it("puts the follow-up on a fire's casualties in that fire's event, not the other town's", () => {
    const a = new Analyser();
    const langhe = eventOf(a, FIRE_LANGHE, 1, 0);
    const hedong = eventOf(a, FIRE_HEDONG, 2, 1);
    expect(eventOf(a, FIRE_LANGHE_CASUALTIES, 3, 5)).toBe(langhe);
    expect(hedong).not.toBe(langhe);
  });

  it("keeps works on another road apart, and joins the contractor's reply to its road", () => {
    const a = new Analyser();
    const binhe = eventOf(a, WORKS_BINHE, 1, 0);
    expect(eventOf(a, WORKS_JIEFANG, 2, 1)).not.toBe(binhe);
    expect(eventOf(a, WORKS_BINHE_REPLY, 3, 20)).toBe(binhe);
  });

  it("keeps a tutoring-fee complaint out of the same school's canteen-opening event", () => {
    const a = new Analyser();
    expect(eventOf(a, TUTORING_FEE, 2, 1)).not.toBe(eventOf(a, CANTEEN_OPENING, 1, 0));
  });

  it("puts every copy of a report in its report's event, also beside a same-topic incident", () => {
    const a = new Analyser();
    const langhe = eventOf(a, FIRE_LANGHE, 1, 0);
    const hedong = eventOf(a, FIRE_HEDONG, 2, 0.5);
    expect(hedong).not.toBe(langhe);
    expect(a.analyse(repostOf(FIRE_HEDONG, 3, 1)).event).toEqual({ eventId: hedong, created: false, score: 1 });
    expect(a.analyse(repostOf(FIRE_LANGHE, 4, 2, "太可怕了，河东乡也着火了")).event.eventId).toBe(langhe);
    expect(a.analyse(repostOf(FIRE_HEDONG, 5, 30, "")).event.eventId).toBe(hedong);
  });

  it("keeps one notice filled in for two roads in two events, each with its own reposts", () => {
    const a = new Analyser();
    const qinghe = a.analyse(itemOf(closureNotice("青禾大道"), 1, 0));
    const binhe = a.analyse(itemOf(closureNotice("滨河路"), 2, 1));
    expect(binhe.dupGroup).toBe(qinghe.dupGroup); // precondition: the near-duplicate index calls them copies
    expect(binhe.event.eventId).not.toBe(qinghe.event.eventId);
    expect(a.analyse(repostOf(closureNotice("青禾大道"), 3, 2)).event.eventId).toBe(qinghe.event.eventId);
    expect(a.analyse(repostOf(closureNotice("滨河路"), 4, 3)).event.eventId).toBe(binhe.event.eventId);
  });

  it("keeps broken lights at four intersections apart although each shares a road with two others", () => {
    const a = new Analyser();
    const events = BROKEN_LIGHTS.map((r, i) => eventOf(a, r, i + 1, i));
    expect(new Set(events).size).toBe(4);
  });

  it("keeps a complaint template filled in for four intersections in four events", () => {
    const a = new Analyser();
    const roads = ["人民路", "文昌路", "滨河路", "建设路"];
    const events = roads.map((road, i) => {
      const next = roads[(i + 1) % roads.length];
      const text = `${road}和${next}路口红绿灯坏了好几天，一直闪黄灯，早高峰车和行人抢道，打了热线也没人来修，希望有关部门尽快处理。`;
      return a.analyse({ id: i + 1, title: `${road}和${next}路口红绿灯坏了没人修`, text, source: "", publishedAt: T0 + i * 3_600_000 }).event.eventId;
    });
    expect(new Set(events).size).toBe(4);
  });

  it("joins complaints about one jam on a road although each writer drove in from another township", () => {
    const a = new Analyser();
    const jam = (id: number, town: string, minutes: number, lead: string) =>
      a.analyse({
        id, title: `人民路早高峰堵了${minutes}分钟，什么时候能解决？`, source: "", publishedAt: T0 + id * 600_000,
        text: `${lead}从${town}到县城，平时二十分钟的路，今天早上在人民路上开了${minutes}分钟。路口红灯九十秒，绿灯只有十五秒，一次只能过五六辆车，路边还停满了车。`,
      }).event.eventId;
    const first = jam(1, "柳溪镇", 50, "");
    expect(jam(2, "白沙乡", 65, "说一个困扰我们很久的问题。")).toBe(first);
    expect(jam(3, "南湖镇", 40, "每天上下班都走这条路，真的受够了。")).toBe(first);
  });
});
