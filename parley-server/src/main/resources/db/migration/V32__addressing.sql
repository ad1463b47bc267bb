-- IM address schemes (issue 6). One SQL for H2 (MODE=PostgreSQL) and PostgreSQL.

-- Node-wide settings that must survive restarts and be compared with the configuration, such as
-- the address scheme the stored JIDs were made under ('addressing.scheme').
CREATE TABLE server_settings (
    name   VARCHAR(255) PRIMARY KEY,
    setting_value  VARCHAR(4000) NOT NULL
);

-- The Parley user ID a directory user's ldap.mapping.userId attribute yields, kept beside their
-- directory URI so that `parley addressing migrate` can form either kind of address from the
-- database alone. Directory users synced so far were named by it (userid was the only scheme).
ALTER TABLE users ADD COLUMN directory_user_id VARCHAR(1023);
UPDATE users SET directory_user_id = username WHERE source = 'ldap';
