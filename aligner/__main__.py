from aligner.cli import main

if __name__ == "__main__":  # not when a worker process (Dask, spawn) imports it
    raise SystemExit(main())
