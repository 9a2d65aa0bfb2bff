// What every renderer needs besides the content (its own file so the renderers need not import the entry point).

/** What every renderer needs besides the content. */
export interface RenderOptions {
  /** TINGFENG_PUBLIC_URL without a trailing slash: app links (`/items/12`) become absolute hyperlinks. */
  baseUrl: string;
  /** A draft prints 草稿 (draft) in its header. */
  draft?: boolean;
}
