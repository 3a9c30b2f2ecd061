/// The store's schema: `store/schema.sql`, the file an administrator reads, word for word (a test checks they
/// are the same; `scripts/embed-store-schema.sh` copies it here). `probity store init URL` runs it.
public enum StoreSchema {
    public static let sql = #"""
        -- Probity's council-wide transcript store (PostgreSQL 14 or later).
        --
        -- `probity store init URL` runs this file, as it is, in one transaction; an administrator can read it, or run it
        -- with `psql -v ON_ERROR_STOP=1 -f store/schema.sql URL`. Run it as a role that may create schemas and roles
        -- (a superuser, or the database owner with CREATEROLE). Running it again changes nothing that is already right.
        --
        -- What it guarantees, whatever the client does:
        --   * users (members of probity_user) may only INSERT lines: no SELECT, UPDATE, DELETE or TRUNCATE;
        --     and nobody may UPDATE or DELETE a line or TRUNCATE the tables, whatever their grants (triggers refuse it);
        --   * a line is accepted only if it follows the last line of its transcript: its place (`seq`), the SHA-256 it
        --     holds of the line before (`prev`), and its own SHA-256, which the server recomputes over the bytes sent;
        --   * every line carries the server's receive time and the database user who sent it (session_user);
        --   * every transcript is known from its first line (the header, sent when the chat starts), so one that
        --     never received its seal shows as unsealed;
        --   * the Monitoring Officer's role (probity_mo) reads everything.
        --
        -- A line is one JSON object, as the transcript file holds it (see transcripts/README.md). It ends with
        -- `,"sha256":"<64 hex>"}`: the SHA-256 of the line without that field, i.e. of its bytes up to that
        -- suffix followed by `}`. `prev` is the SHA-256 of the whole previous line; line 1's is the SHA-256 of the
        -- text `probity-transcript/1 genesis` (the same in every format).
        --
        -- Accounts: CREATE ROLE alice LOGIN IN ROLE probity_user;  CREATE ROLE jane_mo LOGIN IN ROLE probity_mo;

        BEGIN;

        CREATE EXTENSION IF NOT EXISTS pgcrypto;

        DO $roles$
        BEGIN
            IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'probity_user') THEN
                CREATE ROLE probity_user NOLOGIN;
            END IF;
            IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'probity_mo') THEN
                CREATE ROLE probity_mo NOLOGIN;
            END IF;
        END
        $roles$;

        CREATE SCHEMA IF NOT EXISTS probity;
        REVOKE ALL ON SCHEMA probity FROM PUBLIC;
        GRANT USAGE ON SCHEMA probity TO probity_user, probity_mo;

        -- One row per transcript, made by its first line and kept up to date by the trigger below (never by a user).
        CREATE TABLE IF NOT EXISTS probity.transcripts (
            id            text        PRIMARY KEY,
            db_user       name        NOT NULL,  -- who sent line 1 (session_user)
            received      timestamptz NOT NULL,  -- when line 1 arrived (server time)
            header        jsonb       NOT NULL,  -- line 1's header: user, machine, council, role, versions
            lines         integer     NOT NULL,  -- how many lines the server holds
            last_digest   text        NOT NULL,  -- SHA-256 of the last line held, whole
            last_received timestamptz NOT NULL,
            sealed        boolean     NOT NULL DEFAULT false,
            seal_digest   text                   -- SHA-256 of the seal line, once sealed
        );

        -- Every line, as sent (its exact bytes), with what the server knows about it.
        CREATE TABLE IF NOT EXISTS probity.lines (
            transcript text        NOT NULL,
            seq        integer     NOT NULL,
            line       bytea       NOT NULL,  -- the line's bytes, without its newline
            doc        jsonb       NOT NULL,  -- the same line, parsed, for the Monitoring Officer's queries
            kind       text        NOT NULL,  -- header, seal, or the event's name (its one key, e.g. advised): for the reports
            prev       text        NOT NULL,
            sha256     text        NOT NULL,
            received   timestamptz NOT NULL,  -- set by the server
            db_user    name        NOT NULL,  -- set by the server: session_user
            PRIMARY KEY (transcript, seq)
        );

        CREATE INDEX IF NOT EXISTS transcripts_received ON probity.transcripts (received);
        CREATE INDEX IF NOT EXISTS lines_kind ON probity.lines (kind);

        -- The check on every insert. SECURITY DEFINER so that it may keep probity.transcripts, which users cannot touch.
        CREATE OR REPLACE FUNCTION probity.accept_line() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $fn$
        DECLARE
            n        integer := length(NEW.line);
            carried  text;
            computed text;
            doc      jsonb;
            prev     text;
            t        probity.transcripts%ROWTYPE;
        BEGIN
            IF NEW.transcript IS NULL OR NEW.seq IS NULL OR NEW.line IS NULL THEN
                RAISE EXCEPTION 'a line needs its transcript, its seq and its bytes' USING ERRCODE = 'PR001';
            END IF;
            -- ... ,"sha256":"<64 hex>"}   (the suffix is 11 + 64 + 2 = 77 bytes)
            IF n < 80
               OR substring(NEW.line FROM n - 76 FOR 11) <> '\x2c22736861323536223a22'::bytea
               OR substring(NEW.line FROM n - 1 FOR 2) <> '\x227d'::bytea THEN
                RAISE EXCEPTION 'line % of transcript % does not end with its own SHA-256', NEW.seq, NEW.transcript
                    USING ERRCODE = 'PR002';
            END IF;
            carried := convert_from(substring(NEW.line FROM n - 65 FOR 64), 'UTF8');
            computed := encode(digest(substring(NEW.line FROM 1 FOR n - 77) || '\x7d'::bytea, 'sha256'), 'hex');
            IF carried IS DISTINCT FROM computed THEN
                RAISE EXCEPTION 'line % of transcript % was changed: its contents do not match the SHA-256 it carries', NEW.seq, NEW.transcript
                    USING ERRCODE = 'PR003';
            END IF;
            BEGIN
                doc := convert_from(NEW.line, 'UTF8')::jsonb;
            EXCEPTION WHEN OTHERS THEN
                RAISE EXCEPTION 'line % of transcript % is not a JSON record', NEW.seq, NEW.transcript USING ERRCODE = 'PR004';
            END;
            IF jsonb_typeof(doc) <> 'object' OR jsonb_typeof(doc -> 'seq') IS DISTINCT FROM 'number'
               OR (doc ->> 'seq')::numeric <> NEW.seq THEN
                RAISE EXCEPTION 'line sent as % of transcript % says it is line %', NEW.seq, NEW.transcript, coalesce(doc ->> 'seq', 'nothing')
                    USING ERRCODE = 'PR005';
            END IF;
            prev := doc ->> 'prev';

            IF NEW.seq = 1 THEN
                IF jsonb_typeof(doc -> 'header') IS DISTINCT FROM 'object' OR doc -> 'header' ->> 'id' IS DISTINCT FROM NEW.transcript THEN
                    RAISE EXCEPTION 'line 1 of transcript % is not its header', NEW.transcript USING ERRCODE = 'PR006';
                END IF;
                IF prev IS DISTINCT FROM encode(digest('probity-transcript/1 genesis', 'sha256'), 'hex') THEN
                    RAISE EXCEPTION 'line 1 of transcript % does not start a chain (its prev is not the genesis digest)', NEW.transcript
                        USING ERRCODE = 'PR007';
                END IF;
                INSERT INTO probity.transcripts (id, db_user, received, header, lines, last_digest, last_received)
                VALUES (NEW.transcript, session_user, clock_timestamp(), doc -> 'header', 1, encode(digest(NEW.line, 'sha256'), 'hex'), clock_timestamp())
                ON CONFLICT (id) DO NOTHING;
                IF NOT FOUND THEN
                    RAISE EXCEPTION 'transcript % was already started: line 1 is not sent twice', NEW.transcript USING ERRCODE = 'PR008';
                END IF;
            ELSE
                SELECT * INTO t FROM probity.transcripts WHERE id = NEW.transcript FOR UPDATE;
                IF NOT FOUND THEN
                    RAISE EXCEPTION 'transcript % was never started on this server: its line 1 (the header) must come first', NEW.transcript
                        USING ERRCODE = 'PR009';
                END IF;
                IF t.db_user <> session_user THEN
                    RAISE EXCEPTION 'transcript % belongs to %: only they may add to it', NEW.transcript, t.db_user USING ERRCODE = 'PR010';
                END IF;
                IF t.sealed THEN
                    RAISE EXCEPTION 'transcript % is sealed: nothing may follow its seal', NEW.transcript USING ERRCODE = 'PR011';
                END IF;
                IF NEW.seq <> t.lines + 1 THEN
                    RAISE EXCEPTION 'line % of transcript % is out of order: the server holds % lines, so line % comes next',
                        NEW.seq, NEW.transcript, t.lines, t.lines + 1 USING ERRCODE = 'PR012';
                END IF;
                IF prev IS DISTINCT FROM t.last_digest THEN
                    RAISE EXCEPTION 'line % of transcript % does not follow line %: it holds a different SHA-256 for it', NEW.seq, NEW.transcript, t.lines
                        USING ERRCODE = 'PR013';
                END IF;
                IF doc ? 'seal' AND (doc -> 'seal' ->> 'lines') IS DISTINCT FROM (NEW.seq - 1)::text THEN
                    RAISE EXCEPTION 'the seal of transcript % counts % lines before it, but there are %', NEW.transcript, doc -> 'seal' ->> 'lines', NEW.seq - 1
                        USING ERRCODE = 'PR014';
                END IF;
                UPDATE probity.transcripts
                   SET lines = NEW.seq, last_digest = encode(digest(NEW.line, 'sha256'), 'hex'), last_received = clock_timestamp(),
                       sealed = doc ? 'seal', seal_digest = CASE WHEN doc ? 'seal' THEN encode(digest(NEW.line, 'sha256'), 'hex') END
                 WHERE id = NEW.transcript;
            END IF;

            NEW.doc := doc;
            NEW.kind := CASE
                WHEN doc ? 'header' THEN 'header'
                WHEN doc ? 'seal' THEN 'seal'
                WHEN jsonb_typeof(doc -> 'event') = 'object' THEN
                    coalesce(doc -> 'event' ->> 'kind', (SELECT min(k) FROM jsonb_object_keys(doc -> 'event') AS k))
                ELSE 'other'
            END;
            NEW.prev := prev;
            NEW.sha256 := carried;
            NEW.received := clock_timestamp();
            NEW.db_user := session_user;
            RETURN NEW;
        END
        $fn$;

        -- Nothing is ever changed or removed, by anyone, whatever their grants.
        CREATE OR REPLACE FUNCTION probity.refuse_change() RETURNS trigger
        LANGUAGE plpgsql AS $fn$
        BEGIN
            RAISE EXCEPTION 'the transcript store is append-only: % on %.% is not allowed', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME
                USING ERRCODE = '42501';
        END
        $fn$;

        CREATE OR REPLACE TRIGGER accept_line BEFORE INSERT ON probity.lines
            FOR EACH ROW EXECUTE FUNCTION probity.accept_line();
        CREATE OR REPLACE TRIGGER refuse_change BEFORE UPDATE OR DELETE ON probity.lines
            FOR EACH ROW EXECUTE FUNCTION probity.refuse_change();
        CREATE OR REPLACE TRIGGER refuse_truncate BEFORE TRUNCATE ON probity.lines
            FOR EACH STATEMENT EXECUTE FUNCTION probity.refuse_change();
        CREATE OR REPLACE TRIGGER refuse_delete BEFORE DELETE ON probity.transcripts
            FOR EACH ROW EXECUTE FUNCTION probity.refuse_change();
        CREATE OR REPLACE TRIGGER refuse_truncate BEFORE TRUNCATE ON probity.transcripts
            FOR EACH STATEMENT EXECUTE FUNCTION probity.refuse_change();

        -- What the server holds of the caller's own transcripts, so the client knows what to send after an outage.
        CREATE OR REPLACE FUNCTION probity.received(ids text[])
        RETURNS TABLE (id text, lines integer, last_digest text, sealed boolean)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $fn$
            SELECT t.id, t.lines, t.last_digest, t.sealed FROM probity.transcripts t
             WHERE t.id = ANY (ids) AND t.db_user = session_user;
        $fn$;

        REVOKE ALL ON ALL TABLES IN SCHEMA probity FROM PUBLIC;
        REVOKE ALL ON FUNCTION probity.accept_line(), probity.refuse_change(), probity.received(text[]) FROM PUBLIC;
        GRANT INSERT (transcript, seq, line) ON probity.lines TO probity_user;
        GRANT EXECUTE ON FUNCTION probity.received(text[]) TO probity_user;
        GRANT SELECT ON probity.transcripts, probity.lines TO probity_mo;

        COMMIT;

        """#
}
