-- PostgreSQL only, as V14_1. A change of the signing keys (a key added or retired) is announced, so every node
-- signs with the newest key and publishes the same set (cluster.Listener):
--
--   k                 the signing keys changed: every node reads them again
CREATE FUNCTION anteroom_keys_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify(anteroom_channel(), 'k');
    RETURN NULL;
END
$$;

CREATE TRIGGER signing_key_changed AFTER INSERT OR UPDATE OR DELETE ON signing_key
    FOR EACH STATEMENT EXECUTE FUNCTION anteroom_keys_changed();
