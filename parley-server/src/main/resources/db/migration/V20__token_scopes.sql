-- Rich presence (issue 5): API tokens carry scopes. Existing tokens (the local admin token
-- included) keep full admin rights. Space-separated scope names: admin, presence:read, presence:write.
ALTER TABLE admin_tokens ADD COLUMN scopes VARCHAR(255) NOT NULL DEFAULT 'admin';
