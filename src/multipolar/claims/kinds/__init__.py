"""Claim kinds, one module each, registered with @register_kind (claims/registry.py); importing the registry's
kinds() loads them all."""
