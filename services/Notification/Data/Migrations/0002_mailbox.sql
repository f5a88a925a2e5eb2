-- The program mailbox. Every message the intake read, once: recorded by its key (the Message-ID, or the SHA-256 of its
-- bytes when it has none) in the same transaction as what it became, before it is moved out of the inbox on the
-- server. A second copy of the same message (the same Message-ID delivered twice, or the message read again after a
-- crash before the move) finds the record and becomes nothing.
CREATE TABLE mailbox_messages (
    id                   uuid PRIMARY KEY,
    message_key          text NOT NULL UNIQUE,
    internet_message_id  text,
    -- When the mailbox server received it (IMAP INTERNALDATE): the one business day is counted from here.
    received_at          timestamptz NOT NULL,
    recorded_at          timestamptz NOT NULL,
    from_address         text,
    from_name            text,
    subject              text NOT NULL,
    size_bytes           bigint NOT NULL,
    -- application, inquiry, correspondence, automatic, too-large, malformed (see MailboxOutcome)
    outcome              text NOT NULL,
    outcome_reason       text NOT NULL,
    -- The record it became or joined: an application's, an inquiry's or a nomination's reference number.
    reference_number     text,
    inquiry_id           uuid,
    agency_id            uuid,
    -- For a person: too large, malformed, or an application whose agency could not be told from the sender.
    needs_attention      boolean NOT NULL,
    -- The message as received (null when it was larger than the limit: its headers are kept, the message stays on the
    -- server in the folder it was moved to).
    raw                  bytea,
    headers              text NOT NULL,
    trace_parent         text,
    trace_state          text
);
CREATE INDEX mailbox_messages_received ON mailbox_messages (received_at, id);
CREATE INDEX mailbox_messages_attention ON mailbox_messages (received_at, id) WHERE needs_attention;
CREATE INDEX mailbox_messages_reference ON mailbox_messages (reference_number) WHERE reference_number IS NOT NULL;

-- Every copy of a message on the server the intake has seen, by the server's identity of it. A copy found here is
-- moved without being read again: the crash between the record's commit and the move.
CREATE TABLE mailbox_copies (
    folder        text NOT NULL,
    uid_validity  bigint NOT NULL,
    uid           bigint NOT NULL,
    message_id    uuid NOT NULL REFERENCES mailbox_messages (id),
    seen_at       timestamptz NOT NULL,
    PRIMARY KEY (folder, uid_validity, uid)
);
CREATE INDEX mailbox_copies_message ON mailbox_copies (message_id);

-- An acknowledgment of an email is its reply: In-Reply-To and References carry the email's Message-ID.
ALTER TABLE notifications ADD COLUMN in_reply_to text;
-- A reply to one of our emails is found by the Message-ID it quotes.
CREATE INDEX notifications_reference ON notifications (reference_number);

-- An inquiry that came by email; one per message.
ALTER TABLE inquiries ADD COLUMN mailbox_message_id uuid UNIQUE REFERENCES mailbox_messages (id);
