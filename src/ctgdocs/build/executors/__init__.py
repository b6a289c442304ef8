"""Where the jobs run: in local forked workers (local.py) or on a Dask cluster (dask.py)."""
