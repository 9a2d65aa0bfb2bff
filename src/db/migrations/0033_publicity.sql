-- Publicity work (新闻宣传与信息报送, SPEC M6): outlets, correspondents and their training, submissions
-- with configurable review and kept versions, placements with authors' shares, proposals from
-- monitoring, interview requests, the internal bulletin with adoptions (采用) and instructions (批示),
-- quotas, and the points table as versioned rule sets (a score always uses the set in force on the
-- placement's date). Dates a person gives (event, publication, training) are office days YYYY-MM-DD;
-- moments are epoch milliseconds.

CREATE TABLE outlets (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  level TEXT NOT NULL,                    -- national | provincial | city | county | internal
  medium TEXT NOT NULL,                   -- newspaper | tv | radio | website | newmedia
  hosts TEXT NOT NULL DEFAULT '[]',       -- JSON array of web hosts (to guess the outlet of a ledger item)
  source_id INTEGER REFERENCES sources(id) ON DELETE SET NULL,
  active INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX outlets_name ON outlets(name);

-- 通讯员 / 信息员: a person of a unit, with or without an account.
CREATE TABLE correspondents (
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES units(id),
  user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
  name TEXT NOT NULL,
  position TEXT NOT NULL DEFAULT '',      -- 职务
  phone TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL DEFAULT 'correspondent', -- correspondent (通讯员) | informant (信息员)
  recommended_by TEXT NOT NULL DEFAULT '',    -- 推荐单位/人
  duties TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'active',  -- active | suspended | left
  joined_on TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX correspondents_unit ON correspondents(unit_id, status);
CREATE UNIQUE INDEX correspondents_user ON correspondents(user_id) WHERE user_id IS NOT NULL;

CREATE TABLE trainings (
  id INTEGER PRIMARY KEY,
  held_on TEXT NOT NULL,
  topic TEXT NOT NULL,
  organiser TEXT NOT NULL DEFAULT '',
  place TEXT NOT NULL DEFAULT '',
  hours REAL NOT NULL DEFAULT 0,
  created_by INTEGER REFERENCES users(id),
  created_at INTEGER NOT NULL
);
CREATE TABLE training_attendees (
  training_id INTEGER NOT NULL REFERENCES trainings(id) ON DELETE CASCADE,
  correspondent_id INTEGER NOT NULL REFERENCES correspondents(id),
  hours REAL,                             -- when someone attended only part; null = the training's hours
  PRIMARY KEY (training_id, correspondent_id)
) WITHOUT ROWID;
CREATE INDEX training_attendees_person ON training_attendees(correspondent_id);

-- Recognition history (表彰/奖励).
CREATE TABLE recognitions (
  id INTEGER PRIMARY KEY,
  correspondent_id INTEGER NOT NULL REFERENCES correspondents(id),
  awarded_on TEXT NOT NULL,
  title TEXT NOT NULL,
  issuer TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL
);
CREATE INDEX recognitions_person ON recognitions(correspondent_id);

-- Review steps per unit; the row with unit_id NULL is the office default (三审).
CREATE TABLE review_flows (
  id INTEGER PRIMARY KEY,
  unit_id INTEGER REFERENCES units(id) ON DELETE CASCADE,
  steps TEXT NOT NULL,                    -- JSON [{name, role, scope: "unit" | "office"}], in order
  updated_by INTEGER REFERENCES users(id),
  updated_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX review_flows_unit ON review_flows(coalesce(unit_id, 0));

-- 稿件报送: a news draft or an information report (信息).
CREATE TABLE submissions (
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES units(id),
  kind TEXT NOT NULL,                     -- news | info
  title TEXT NOT NULL,
  body TEXT NOT NULL,                     -- the current version's text
  event_date TEXT NOT NULL,               -- when what it reports happened
  outlet_ids TEXT NOT NULL DEFAULT '[]',  -- JSON: intended outlets
  state TEXT NOT NULL,                    -- draft | in_review | returned | approved | withdrawn
  step_index INTEGER NOT NULL DEFAULT 0,  -- the review step waiting (in_review)
  steps TEXT NOT NULL DEFAULT '[]',       -- JSON: the flow's steps fixed when it was submitted
  version INTEGER NOT NULL DEFAULT 1,
  author_id INTEGER REFERENCES users(id),
  author_name TEXT NOT NULL,
  submitted_at INTEGER,
  approved_at INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX submissions_unit ON submissions(unit_id, state, updated_at);
CREATE INDEX submissions_approved ON submissions(approved_at) WHERE state = 'approved';

CREATE TABLE submission_versions (
  submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  edited_by INTEGER REFERENCES users(id),
  edited_by_name TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (submission_id, version)
) WITHOUT ROWID;

-- The review trail: submit, approve, return, withdraw, each with the version it saw.
CREATE TABLE submission_reviews (
  id INTEGER PRIMARY KEY,
  submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
  action TEXT NOT NULL,                   -- submit | approve | return | withdraw
  step_index INTEGER,
  step_name TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL,
  comment TEXT NOT NULL DEFAULT '',
  user_id INTEGER REFERENCES users(id),
  user_name TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX submission_reviews_submission ON submission_reviews(submission_id, id);

CREATE TABLE submission_attachments (
  id INTEGER PRIMARY KEY,
  submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,                   -- content-addressed file store shared with case attachments
  mime TEXT NOT NULL,
  uploaded_by INTEGER REFERENCES users(id),
  uploaded_by_name TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX submission_attachments_submission ON submission_attachments(submission_id, id);

-- 采访申请: outside media asking to interview a unit.
CREATE TABLE interview_requests (
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES units(id),
  outlet_id INTEGER REFERENCES outlets(id),
  outlet_name TEXT NOT NULL,
  reporter TEXT NOT NULL,
  press_card TEXT NOT NULL DEFAULT '',
  contact TEXT NOT NULL DEFAULT '',
  topic TEXT NOT NULL,
  requested_for INTEGER,                  -- the moment asked for
  people_asked TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL,                    -- requested | approved | declined | scheduled | done | cancelled
  decision_reason TEXT NOT NULL DEFAULT '',
  decided_by INTEGER REFERENCES users(id),
  decided_at INTEGER,
  scheduled_at INTEGER,
  place TEXT NOT NULL DEFAULT '',
  accompanied_by TEXT NOT NULL DEFAULT '',
  placement_id INTEGER,                   -- the published piece (a placement)
  created_by INTEGER REFERENCES users(id),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX interview_requests_state ON interview_requests(state, created_at);

-- 上稿 / 刊发记录.
CREATE TABLE placements (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  outlet_id INTEGER NOT NULL REFERENCES outlets(id),
  genre TEXT NOT NULL,                    -- news | feature | commentary | photo | video
  published_on TEXT NOT NULL,
  link TEXT NOT NULL DEFAULT '',
  slot TEXT NOT NULL DEFAULT 'none',      -- none | front_page (头版) | headline (头条) | front_headline (头版头条)
  featured INTEGER NOT NULL DEFAULT 0,
  unit_id INTEGER NOT NULL REFERENCES units(id),
  submission_id INTEGER REFERENCES submissions(id) ON DELETE SET NULL,
  item_id INTEGER,                        -- the ledger item it was found as, when proposed by monitoring
  interview_id INTEGER REFERENCES interview_requests(id) ON DELETE SET NULL,
  note TEXT NOT NULL DEFAULT '',
  created_by INTEGER REFERENCES users(id),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX placements_date ON placements(published_on);
CREATE INDEX placements_unit ON placements(unit_id, published_on);
CREATE INDEX placements_submission ON placements(submission_id) WHERE submission_id IS NOT NULL;
CREATE UNIQUE INDEX placements_item ON placements(item_id) WHERE item_id IS NOT NULL;

CREATE TABLE placement_authors (
  placement_id INTEGER NOT NULL REFERENCES placements(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  correspondent_id INTEGER REFERENCES correspondents(id) ON DELETE SET NULL,
  unit_id INTEGER REFERENCES units(id),
  share REAL NOT NULL,                    -- 0..1; a placement's shares sum to 1
  PRIMARY KEY (placement_id, position)
) WITHOUT ROWID;
CREATE INDEX placement_authors_person ON placement_authors(correspondent_id) WHERE correspondent_id IS NOT NULL;

-- 疑似已刊发: ledger items whose text matches an approved submission.
CREATE TABLE placement_proposals (
  id INTEGER PRIMARY KEY,
  submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
  item_id INTEGER NOT NULL,
  similarity REAL NOT NULL,
  outlet_id INTEGER REFERENCES outlets(id) ON DELETE SET NULL,  -- the guess from the item's source/host
  state TEXT NOT NULL DEFAULT 'pending', -- pending | confirmed | dismissed | spread (a repost of a placement)
  placement_id INTEGER REFERENCES placements(id) ON DELETE SET NULL,
  decided_by INTEGER REFERENCES users(id),
  decided_at INTEGER,
  created_at INTEGER NOT NULL,
  UNIQUE (submission_id, item_id)
);
CREATE INDEX placement_proposals_state ON placement_proposals(state, created_at);

-- 内部信息简报 (e.g. 《宣传信息》): numbered issues per year.
CREATE TABLE bulletins (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  year INTEGER NOT NULL,
  seq INTEGER,                            -- fixed at issue
  state TEXT NOT NULL DEFAULT 'draft',    -- draft | issued
  editor TEXT NOT NULL DEFAULT '',
  issued_by INTEGER REFERENCES users(id),
  issued_at INTEGER,
  forwarded_to TEXT NOT NULL DEFAULT '',  -- 报送 (the higher offices it went to)
  created_by INTEGER REFERENCES users(id),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (year, seq)
);
CREATE TABLE bulletin_entries (
  bulletin_id INTEGER NOT NULL REFERENCES bulletins(id) ON DELETE CASCADE,
  submission_id INTEGER NOT NULL REFERENCES submissions(id),
  position INTEGER NOT NULL,
  PRIMARY KEY (bulletin_id, submission_id)
) WITHOUT ROWID;

-- 采用 / 批示 recorded against an information report.
CREATE TABLE adoptions (
  id INTEGER PRIMARY KEY,
  submission_id INTEGER NOT NULL REFERENCES submissions(id),
  kind TEXT NOT NULL,                     -- adoption | instruction
  office TEXT NOT NULL,                   -- the adopting office, or the instructing leader's office
  level TEXT NOT NULL,                    -- national | provincial | city | county
  on_date TEXT NOT NULL,
  text TEXT NOT NULL DEFAULT '',          -- the instruction, or how it was used
  created_by INTEGER REFERENCES users(id),
  created_at INTEGER NOT NULL
);
CREATE INDEX adoptions_submission ON adoptions(submission_id);
CREATE INDEX adoptions_date ON adoptions(on_date);

-- Yearly quotas (任务分解) per unit and outlet level floor, split by period.
CREATE TABLE quotas (
  id INTEGER PRIMARY KEY,
  year INTEGER NOT NULL,
  unit_id INTEGER NOT NULL REFERENCES units(id),
  min_level TEXT NOT NULL,                -- counts placements at this level or above (e.g. city = 市级以上)
  period TEXT NOT NULL DEFAULT 'year',    -- year | q1..q4 | m01..m12
  count INTEGER NOT NULL,
  updated_by INTEGER REFERENCES users(id),
  updated_at INTEGER NOT NULL,
  UNIQUE (year, unit_id, min_level, period)
);

-- The points table as versioned data: a rule set is never edited once saved; a new one starts on its
-- valid_from and the previous one ends the day before.
CREATE TABLE scoring_rule_sets (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  valid_from TEXT NOT NULL,
  valid_to TEXT,                          -- inclusive; null = open
  rules TEXT NOT NULL,                    -- JSON ScoringRules (src/shared/publicity-types.ts)
  created_by INTEGER REFERENCES users(id),
  created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX scoring_rule_sets_from ON scoring_rule_sets(valid_from);
CREATE TRIGGER scoring_rule_sets_rules_kept BEFORE UPDATE OF rules, valid_from ON scoring_rule_sets
BEGIN SELECT RAISE(ABORT, 'a scoring rule set is never rewritten; add a new version'); END;
