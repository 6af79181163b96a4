"""Store-and-forward: the outbox state machine, the relay client, the coordinator pull."""
