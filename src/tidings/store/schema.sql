-- The tidings store (SQLite, WAL). One article's rows are written in one transaction;
-- re-ingesting an article replaces its rows. Local ids (a1, e1, q1 ...) are the record's own.
PRAGMA user_version = 1;

CREATE TABLE IF NOT EXISTS articles (
    id            TEXT PRIMARY KEY,
    url           TEXT,
    outlet        TEXT,
    published     TEXT,            -- ISO date, or NULL when the source gave none
    title         TEXT,
    language      TEXT,
    text          TEXT NOT NULL,
    content_hash  TEXT NOT NULL,   -- sha1 of text: an unchanged article is not extracted again
    record        TEXT NOT NULL,   -- the whole tidings/1 record as JSON
    extracted_by  TEXT NOT NULL,   -- tidings version
    ingested_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

-- Real-world actors across articles, keyed by kind, code and name.
CREATE TABLE IF NOT EXISTS actors (
    key     TEXT PRIMARY KEY,      -- "person|PRK|Choe Son-hui", "state|PRK|North Korea"
    name    TEXT NOT NULL,
    kind    TEXT NOT NULL,
    code    TEXT,
    sector  TEXT,
    role    TEXT
);
CREATE INDEX IF NOT EXISTS actors_code ON actors(code);

-- An actor as it appears in one article (local id a1 ...), with its mention offsets.
CREATE TABLE IF NOT EXISTS mentions (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    local_id   TEXT NOT NULL,
    actor_key  TEXT NOT NULL REFERENCES actors(key),
    spans      TEXT NOT NULL,      -- JSON [[start, end], ...]
    PRIMARY KEY (article_id, local_id)
);
CREATE INDEX IF NOT EXISTS mentions_actor ON mentions(actor_key);

-- People learned from articles (title + country), reused for later articles.
CREATE TABLE IF NOT EXISTS people (
    name        TEXT PRIMARY KEY,
    code        TEXT,
    sector      TEXT,
    role        TEXT,
    gender      TEXT,
    first_article TEXT,
    articles    INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE IF NOT EXISTS events (
    article_id     TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    local_id       TEXT NOT NULL,
    type           TEXT NOT NULL,
    mode           TEXT,
    context        TEXT,           -- JSON list
    factuality     TEXT,
    date           TEXT,
    date_precision TEXT,
    location       TEXT,           -- JSON object or NULL
    location_code  TEXT,
    actor_codes    TEXT,           -- "PRK" or "RUS|PRK", for display and grouping
    recipient_codes TEXT,
    cameo          TEXT,
    goldstein      REAL,
    confidence     REAL,
    claim_id       TEXT,
    sent_start     INTEGER,
    sent_end       INTEGER,
    trigger_start  INTEGER,
    trigger_end    INTEGER,
    PRIMARY KEY (article_id, local_id)
);
CREATE INDEX IF NOT EXISTS events_type ON events(type);
CREATE INDEX IF NOT EXISTS events_date ON events(date);

-- Each actor or recipient of an event, one row per side and actor.
CREATE TABLE IF NOT EXISTS event_actors (
    article_id TEXT NOT NULL,
    event_id   TEXT NOT NULL,
    side       TEXT NOT NULL CHECK (side IN ('actor', 'recipient')),
    actor_id   TEXT,               -- local actor id
    code       TEXT,
    sector     TEXT,
    FOREIGN KEY (article_id, event_id) REFERENCES events(article_id, local_id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS event_actors_code ON event_actors(code, side, article_id, event_id);
CREATE INDEX IF NOT EXISTS event_actors_event ON event_actors(article_id, event_id);

CREATE TABLE IF NOT EXISTS quotes (
    article_id   TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    local_id     TEXT NOT NULL,
    speaker_id   TEXT,
    speaker_name TEXT,
    speaker_code TEXT,
    speaker_text TEXT,
    source_of    TEXT,
    kind         TEXT,
    cue          TEXT,
    content      TEXT,
    start        INTEGER,
    "end"        INTEGER,
    PRIMARY KEY (article_id, local_id)
);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker_code);

CREATE TABLE IF NOT EXISTS claims (
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    local_id    TEXT NOT NULL,
    proposition TEXT,              -- local event id
    PRIMARY KEY (article_id, local_id)
);

CREATE TABLE IF NOT EXISTS stances (
    article_id TEXT NOT NULL,
    claim_id   TEXT NOT NULL,
    holder_id  TEXT,
    code       TEXT,
    stance     TEXT NOT NULL,
    cue        TEXT,
    FOREIGN KEY (article_id, claim_id) REFERENCES claims(article_id, local_id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS stances_code ON stances(code);

CREATE TABLE IF NOT EXISTS treaties (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    local_id   TEXT NOT NULL,
    name       TEXT,
    parties    TEXT,               -- JSON list of codes
    signed     TEXT,
    in_force   TEXT,
    ratified   TEXT,               -- JSON list
    evidence   TEXT,               -- JSON list of spans
    PRIMARY KEY (article_id, local_id)
);

CREATE TABLE IF NOT EXISTS obligations (
    article_id  TEXT NOT NULL,
    treaty_id   TEXT NOT NULL,
    obligor     TEXT NOT NULL,
    beneficiary TEXT NOT NULL,
    type        TEXT NOT NULL,
    trigger     TEXT,
    scope       TEXT,
    FOREIGN KEY (article_id, treaty_id) REFERENCES treaties(article_id, local_id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS obligations_pair ON obligations(obligor, beneficiary);
