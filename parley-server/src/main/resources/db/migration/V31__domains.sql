-- Multiple IM domains (issue 6). One SQL for H2 (MODE=PostgreSQL) and PostgreSQL.
-- Users of the default domain keep their localpart as account name; users of any other served
-- domain are named by their bare JID (see AccountNames), so no per-user table changes here.

-- Domains an administrator added beside the default one (bin/parley domain add).
CREATE TABLE im_domains (
    name        VARCHAR(1023) PRIMARY KEY,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

