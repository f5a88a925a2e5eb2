-- DownloadDocument finds the agreements and addenda that hold a document by its hash: without these it would read
-- every agreement's JSON for each download.
CREATE INDEX agreements_letter_of_interest_sha256 ON agreements ((letter_of_interest->>'sha256'));
CREATE INDEX agreements_agency_signed_moa_sha256 ON agreements ((agency_signed_moa->>'sha256'));
CREATE INDEX addenda_document_sha256 ON addenda ((document->>'sha256'));
