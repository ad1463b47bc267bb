-- Chat rooms (issue 4, XEP-0045 §7.10): the nickname a member registered with a persistent room.
-- A nickname is reserved for one user per room; NULL (no registration) may repeat.

ALTER TABLE muc_affiliations ADD COLUMN nick VARCHAR(1023);

CREATE UNIQUE INDEX muc_affiliations_room_nick ON muc_affiliations (room, nick);
