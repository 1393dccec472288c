"""Reliability tests: fault-injection soak, concurrency through one provider process, secrets, signer properties."""
