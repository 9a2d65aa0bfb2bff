// Pure rendering of the demo feed and post pages; every generated string is escaped.
import type { DemoPost } from "./corpus";

/** Escapes text for XML and HTML element content and attribute values. */
export function escapeMarkup(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** The demo RSS 2.0 document for `posts` (newest first). */
export function renderRss(posts: readonly DemoPost[], siteUrl: string, lastBuild: Date): string {
  const items = posts.map((p) => `    <item>
      <title>${escapeMarkup(p.title)}</title>
      <link>${escapeMarkup(p.url)}</link>
      <guid isPermaLink="false">${escapeMarkup(p.guid)}</guid>
      <dc:creator>${escapeMarkup(p.author)}</dc:creator>
      <pubDate>${p.publishedAt.toUTCString()}</pubDate>
      <description>${escapeMarkup(`<p>${escapeMarkup(p.text)}</p>`)}</description>
    </item>`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>青禾县网络动态（演示）</title>
    <link>${escapeMarkup(siteUrl)}/</link>
    <description>虚构的青禾县本地论坛与新闻，用于演示听风。</description>
    <language>zh-cn</language>
    <lastBuildDate>${lastBuild.toUTCString()}</lastBuildDate>
${items.join("\n")}
  </channel>
</rss>
`;
}

/** A minimal HTML page for one demo post. */
export function renderPostPage(post: DemoPost, feedUrl: string): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>${escapeMarkup(post.title)}</title>
<link rel="alternate" type="application/rss+xml" title="青禾县网络动态" href="${escapeMarkup(feedUrl)}"></head>
<body>
<p><small>演示数据 · 青禾县为虚构地名</small></p>
<h1>${escapeMarkup(post.title)}</h1>
<p>${escapeMarkup(post.author)} · <time datetime="${post.publishedAt.toISOString()}">${escapeMarkup(post.publishedAt.toISOString())}</time></p>
<p>${escapeMarkup(post.text)}</p>
</body>
</html>
`;
}
