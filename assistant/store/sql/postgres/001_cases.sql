-- Support Plan Assistant, PostgreSQL store, schema version 1.
-- Applied once, in one transaction, by the first program that opens an empty database
-- (assistant/store/postgres_schema.py). Never edit this file once released: add 002_*.sql.
--
-- Every case belongs to an organisation; every event records the adviser who wrote it.
-- Answers, labels and step names are sealed (AES-GCM) by the program before they get
-- here; the key is never in the database. The application role may only read and add
-- rows; only the forgetting role may delete, and each use is logged in "forgotten".
-- Row-level security is enabled and forced on every table that holds an organisation's
-- rows: a transaction sees only the organisation it names with set_config('app.org', ..., true).

CREATE TABLE support_plan_schema (
    version integer PRIMARY KEY,
    applied timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE organisations (
    org text PRIMARY KEY,
    key_check bytea NOT NULL,          -- a known value sealed with the organisation's key
    created timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE advisers (
    org text NOT NULL REFERENCES organisations (org),
    adviser text NOT NULL,
    first_seen timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org, adviser)
);

CREATE TABLE conversations (
    org text NOT NULL REFERENCES organisations (org),
    reference text NOT NULL,
    bundle text NOT NULL,
    locale text NOT NULL,
    mode text NOT NULL,
    created text NOT NULL,
    adviser text NOT NULL,
    PRIMARY KEY (org, reference),
    FOREIGN KEY (org, adviser) REFERENCES advisers (org, adviser)
);

-- The event log. Progress columns (answered, finished, step) describe the case once the
-- row is in, so the newest row summarises the case without any UPDATE.
CREATE TABLE events (
    org text NOT NULL,
    reference text NOT NULL,
    seq integer NOT NULL,
    adviser text NOT NULL,
    at text NOT NULL,
    recorded timestamptz NOT NULL DEFAULT clock_timestamp(),
    answered integer NOT NULL,
    finished boolean NOT NULL,
    step bytea,                        -- sealed
    data bytea NOT NULL,               -- the sealed event
    PRIMARY KEY (org, reference, seq),
    FOREIGN KEY (org, reference) REFERENCES conversations (org, reference),
    FOREIGN KEY (org, adviser) REFERENCES advisers (org, adviser)
);

-- Labels ("Mum's plan", a case reference): the newest row wins.
CREATE TABLE labels (
    org text NOT NULL,
    reference text NOT NULL,
    id bigint GENERATED ALWAYS AS IDENTITY,
    adviser text NOT NULL,
    label bytea NOT NULL,              -- sealed
    PRIMARY KEY (org, reference, id),
    FOREIGN KEY (org, reference) REFERENCES conversations (org, reference)
);

-- Each use of the forgetting role: who deleted which case, when, and how many events.
CREATE TABLE forgotten (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org text NOT NULL,
    reference text NOT NULL,
    adviser text NOT NULL,
    events integer NOT NULL,
    at timestamptz NOT NULL DEFAULT now()
);

DO $$
DECLARE
    name text;
BEGIN
    FOREACH name IN ARRAY ARRAY['support_plan_app', 'support_plan_forget'] LOOP
        BEGIN
            EXECUTE format('CREATE ROLE %I NOLOGIN', name);
        EXCEPTION WHEN duplicate_object OR unique_violation THEN
            NULL;  -- made by another database of the same cluster
        END;
    END LOOP;
END
$$;

GRANT SELECT ON support_plan_schema TO support_plan_app, support_plan_forget;
GRANT SELECT, INSERT ON organisations, advisers, conversations, events, labels
    TO support_plan_app;
GRANT SELECT ON organisations, advisers TO support_plan_forget;
GRANT SELECT, DELETE ON conversations, events, labels TO support_plan_forget;
GRANT SELECT, INSERT ON forgotten TO support_plan_forget;

DO $$
DECLARE
    name text;
BEGIN
    FOREACH name IN ARRAY ARRAY['organisations', 'advisers', 'conversations', 'events',
                                'labels', 'forgotten'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', name);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', name);
        EXECUTE format(
            'CREATE POLICY same_organisation ON %I USING (org = current_setting(''app.org'', true)) '
            'WITH CHECK (org = current_setting(''app.org'', true))', name);
    END LOOP;
END
$$;

-- The database user that made the tables may act as either role (SET LOCAL ROLE in each
-- transaction); other users are given the roles by an administrator (see the README).
DO $$
BEGIN
    IF NOT pg_has_role(current_user, 'support_plan_app', 'MEMBER') THEN
        EXECUTE format('GRANT support_plan_app TO %I', current_user);
    END IF;
    IF NOT pg_has_role(current_user, 'support_plan_forget', 'MEMBER') THEN
        EXECUTE format('GRANT support_plan_forget TO %I', current_user);
    END IF;
END
$$;
