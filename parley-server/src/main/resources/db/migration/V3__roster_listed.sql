-- RFC 6121 keeps an inbound subscription request the user has not answered out of the roster
-- (it is not an item until approved or added). Such a request is still a row, so that it survives
-- a restart and is delivered again at the next sign-in (§3.1.3); 'listed' tells the two apart.
ALTER TABLE roster_items ADD COLUMN listed BOOLEAN NOT NULL DEFAULT TRUE;
