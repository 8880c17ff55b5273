"""Benchmarks: each module's `main()` prints `name: value` lines (ratios against a floor measured
in the same run). Run them all with `make bench` (`python -m bench`), or some: `python -m bench
startup contacts`."""
