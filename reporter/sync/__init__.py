"""Store-and-forward: the outbox state machine, the sync pass, the coordinator pull."""
