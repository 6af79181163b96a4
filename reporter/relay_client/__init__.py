"""The relay client: how this vault reaches its relay (HTTPS pinned, SOCKS5h, Tor).

Below every exchange that talks to the relay (the outbox's sync, the coordinators' channel,
questions back to a reporter), so none of them needs the others to reach it.
"""
