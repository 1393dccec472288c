"""Tests of pulumi_tclive.dns: names, the RFC 2136, DNSPod and manual backends, propagation checks."""
