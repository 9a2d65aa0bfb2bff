// The wall's display token: taken from the address (#t= or ?t=) once, kept in localStorage so a reload
// keeps working, and removed from the visible address.

const KEY = "wall.token";

/** Where a token may come from. */
export interface TokenSource { hash: string; search: string; pathname: string }

/** The token in the address (fragment first), and the address without it. */
export function tokenFromAddress(loc: TokenSource): { token: string | null; cleaned: string } {
  const hash = new URLSearchParams(loc.hash.replace(/^#/, ""));
  const query = new URLSearchParams(loc.search);
  const token = hash.get("t") || query.get("t") || null;
  hash.delete("t");
  query.delete("t");
  const q = query.toString();
  const h = hash.toString();
  return { token, cleaned: `${loc.pathname}${q ? `?${q}` : ""}${h ? `#${h}` : ""}` };
}

/** The token to use: the address's (remembered, and stripped from the address bar), else the remembered one. */
export function takeToken(): string | null {
  const { token, cleaned } = tokenFromAddress(location);
  if (token) {
    try {
      localStorage.setItem(KEY, token);
    } catch {
      /* private mode: this load still works */
    }
    history.replaceState(null, "", cleaned);
    return token;
  }
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}
