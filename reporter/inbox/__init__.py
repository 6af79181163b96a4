"""The coordinator side: receive, verify and import bundles; read triage and links; devices."""
