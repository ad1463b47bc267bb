-- Directory (issue 6): where a user comes from and what the directory says about them.
-- source is 'local' for accounts made by the admin API, CLI or registration, 'ldap' for
-- accounts created or adopted by a directory sync (their passwords are never stored).
ALTER TABLE users ADD COLUMN source VARCHAR(16) NOT NULL DEFAULT 'local';
ALTER TABLE users ADD COLUMN directory_dn VARCHAR(4000);
ALTER TABLE users ADD COLUMN display_name VARCHAR(1023);
ALTER TABLE users ADD COLUMN email VARCHAR(1023);
ALTER TABLE users ADD COLUMN phone VARCHAR(255);
ALTER TABLE users ADD COLUMN department VARCHAR(1023);
ALTER TABLE users ADD COLUMN directory_uri VARCHAR(1023);
-- Normalised DN (RFC 4514), for mapping group member DNs to users.
CREATE INDEX users_directory_dn ON users (directory_dn);

-- Members of each shared roster group at the last sync, so the next sync links only those who
-- joined and unlinks only those who left (O(changes), not O(members^2), per sync).
CREATE TABLE shared_group_members (
    group_name  VARCHAR(1023) NOT NULL,
    username    VARCHAR(1023) NOT NULL REFERENCES users(username) ON DELETE CASCADE,
    PRIMARY KEY (group_name, username)
);
