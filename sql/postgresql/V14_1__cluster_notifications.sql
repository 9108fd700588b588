-- PostgreSQL only (platform.Database adds this folder there). What other nodes must hear of, as NOTIFY on the
-- channel 'anteroom_<schema>', so installations sharing one database in different schemas do not hear each
-- other. Notifications leave at commit and never on rollback, in commit order (cluster.Listener).
--
--   r <Entity> <id>   a row of a cached entity changed: other nodes evict it from their shared cache
--   d                 a directory row changed (organizations, facilities, roles, permissions, their links):
--                     other nodes evict the directory's entities, whose collections refer to each other
--   u <id> <room>     a user changed: evicted, and the members list of the user's room ('-' for none) rebuilt
--   m <id> <node>     the events of a committed transaction, in cluster_message row <id>, written by <node>
--
-- Row changes are announced by the statement; the events of a transaction by a deferred trigger, so at
-- commit and after every row change of the same transaction: a node evicts first, then relays.

CREATE FUNCTION anteroom_channel() RETURNS text LANGUAGE sql STABLE AS $$
    SELECT 'anteroom_' || current_schema()
$$;

CREATE FUNCTION anteroom_row_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed jsonb;
BEGIN
    IF TG_OP = 'DELETE' THEN changed := to_jsonb(OLD); ELSE changed := to_jsonb(NEW); END IF;
    PERFORM pg_notify(anteroom_channel(), 'r ' || TG_ARGV[0] || ' ' || (changed ->> TG_ARGV[1]));
    RETURN NULL;
END
$$;

CREATE FUNCTION anteroom_directory_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify(anteroom_channel(), 'd');
    RETURN NULL;
END
$$;

CREATE FUNCTION anteroom_user_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed app_user;
BEGIN
    IF TG_OP = 'DELETE' THEN changed := OLD; ELSE changed := NEW; END IF;
    PERFORM pg_notify(anteroom_channel(), 'u ' || changed.id || ' ' || coalesce(changed.room_id, '-'));
    RETURN NULL;
END
$$;

CREATE FUNCTION anteroom_message_committed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- An insert and a later update of the same row give one notification: identical payloads of one
    -- transaction are delivered once.
    PERFORM pg_notify(anteroom_channel(), 'm ' || NEW.id || ' ' || NEW.node);
    RETURN NULL;
END
$$;

CREATE TRIGGER app_user_changed AFTER INSERT OR UPDATE OR DELETE ON app_user
    FOR EACH ROW EXECUTE FUNCTION anteroom_user_changed();

CREATE TRIGGER organization_changed AFTER INSERT OR UPDATE OR DELETE ON organization
    FOR EACH STATEMENT EXECUTE FUNCTION anteroom_directory_changed();
CREATE TRIGGER facility_changed AFTER INSERT OR UPDATE OR DELETE ON facility
    FOR EACH STATEMENT EXECUTE FUNCTION anteroom_directory_changed();
CREATE TRIGGER app_role_changed AFTER INSERT OR UPDATE OR DELETE ON app_role
    FOR EACH STATEMENT EXECUTE FUNCTION anteroom_directory_changed();
CREATE TRIGGER permission_changed AFTER INSERT OR UPDATE OR DELETE ON permission
    FOR EACH STATEMENT EXECUTE FUNCTION anteroom_directory_changed();
CREATE TRIGGER role_permission_changed AFTER INSERT OR UPDATE OR DELETE ON role_permission
    FOR EACH STATEMENT EXECUTE FUNCTION anteroom_directory_changed();

CREATE TRIGGER room_changed AFTER INSERT OR UPDATE OR DELETE ON room
    FOR EACH ROW EXECUTE FUNCTION anteroom_row_changed('Room', 'id');
CREATE TRIGGER room_approval_changed AFTER INSERT OR UPDATE OR DELETE ON room_approval
    FOR EACH ROW EXECUTE FUNCTION anteroom_row_changed('RoomApproval', 'id');
CREATE TRIGGER join_request_changed AFTER INSERT OR UPDATE OR DELETE ON join_request
    FOR EACH ROW EXECUTE FUNCTION anteroom_row_changed('JoinRequest', 'id');
CREATE TRIGGER invitation_changed AFTER INSERT OR UPDATE OR DELETE ON invitation
    FOR EACH ROW EXECUTE FUNCTION anteroom_row_changed('Invitation', 'id');
CREATE TRIGGER setup_code_changed AFTER INSERT OR UPDATE OR DELETE ON setup_code
    FOR EACH ROW EXECUTE FUNCTION anteroom_row_changed('SetupCode', 'digest');
CREATE TRIGGER email_proof_changed AFTER INSERT OR UPDATE OR DELETE ON email_proof
    FOR EACH ROW EXECUTE FUNCTION anteroom_row_changed('EmailProof', 'digest');
CREATE TRIGGER security_token_changed AFTER INSERT OR UPDATE OR DELETE ON security_token
    FOR EACH ROW EXECUTE FUNCTION anteroom_row_changed('SecurityToken', 'digest');
CREATE TRIGGER hub_ticket_changed AFTER INSERT OR UPDATE OR DELETE ON hub_ticket
    FOR EACH ROW EXECUTE FUNCTION anteroom_row_changed('HubTicket', 'jti');
CREATE TRIGGER otp_challenge_changed AFTER INSERT OR UPDATE OR DELETE ON otp_challenge
    FOR EACH ROW EXECUTE FUNCTION anteroom_row_changed('OtpChallenge', 'email_key');
CREATE TRIGGER presence_session_changed AFTER INSERT OR UPDATE OR DELETE ON presence_session
    FOR EACH ROW EXECUTE FUNCTION anteroom_row_changed('PresenceSession', 'digest');

CREATE CONSTRAINT TRIGGER cluster_message_committed AFTER INSERT OR UPDATE ON cluster_message
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION anteroom_message_committed();
