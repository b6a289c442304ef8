"""The amendment stage: which acts an avenant can modify (the contract registry), applying
avenants to an act's data, consolidation, and cutting an act into the parts an avenant amends."""
