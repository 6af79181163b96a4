"""What leaves the device: bundles, their format, the coalition profile, answers to questions."""
