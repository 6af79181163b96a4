"""Several coordinators, one picture (issue 16): identities, the roster, signed triage events.

Each coordinator vault has its own identity; the coalition admin lists them in a roster signed
with the coalition key; every triage decision is an event signed by its author, exchanged as
age ciphertext through the relay, and replayed the same way in every vault. Changing triage
and links (``triaging``, ``linking``), claims and a key rotation (``rotation``, ``epoch_keys``)
are written here; the inbox below reads what they wrote.
"""
