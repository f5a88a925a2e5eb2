-- The program mailbox finds the agency that wrote from the sender's address: by the point of contact's address, and
-- by its domain. Both compare lower case.
CREATE INDEX agencies_contact_address ON agencies (lower(contact_email)) WHERE contact_email IS NOT NULL;
CREATE INDEX agencies_contact_domain ON agencies (lower(split_part(contact_email, '@', 2))) WHERE contact_email IS NOT NULL;
