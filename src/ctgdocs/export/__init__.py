"""Exports for other systems: the SCDL open-data deliberations file, the @CTES metadata beside
an act's PDF."""
