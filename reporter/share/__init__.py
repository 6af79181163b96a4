"""What leaves the device: bundles, their format and the coalition profile."""
