"""The coordinator workspace: inbox, triage, dashboard, exports."""
