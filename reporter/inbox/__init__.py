"""The coordinator side: receive, verify and import bundles; triage; devices."""
