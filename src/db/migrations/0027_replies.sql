-- Official accounts and replies (回应): each unit's publicly attributed accounts, the replies drafted
-- for a case (draft → submitted → approved → published, or returned with a reason) and reply
-- templates per category. The product never posts: a published reply only records its public URL.
-- Plain SQL for SQLite and PostgreSQL.
CREATE TABLE official_accounts (
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES units(id),
  platform TEXT NOT NULL,              -- weibo | wechat | douyin | gov_site | people_board | other
  account_name TEXT NOT NULL,
  public_url TEXT NOT NULL,            -- http(s)
  spokesperson_user_id INTEGER REFERENCES users(id),
  enabled INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX official_accounts_unit ON official_accounts(unit_id);

CREATE TABLE case_replies (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  account_id INTEGER NOT NULL REFERENCES official_accounts(id),
  text TEXT NOT NULL,
  status TEXT NOT NULL,                -- draft | submitted | returned | approved | published (src/replies/workflow.ts)
  drafted_by INTEGER,
  reviewed_by INTEGER,
  review_note TEXT,                    -- the reason it was returned
  published_url TEXT,
  published_at INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX case_replies_case ON case_replies(case_id, id);
CREATE INDEX case_replies_account ON case_replies(account_id);

CREATE TABLE reply_templates (
  id INTEGER PRIMARY KEY,
  category TEXT NOT NULL,
  title TEXT NOT NULL,
  text TEXT NOT NULL,
  unit_id INTEGER REFERENCES units(id) ON DELETE CASCADE,  -- NULL: every unit may use it
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX reply_templates_category ON reply_templates(category);
