-- Issue 13: small original bundles kept inside their encrypted inbox_originals row instead of a
-- separate blob file (creating one file per bundle was most of an import's cost). Statements
-- follow; existing blob-file originals stay where they are and are still read.
SELECT 1;
