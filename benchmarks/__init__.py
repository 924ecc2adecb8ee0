"""Speed and memory benchmarks over the real app: `uv run python -m benchmarks.<name>`.

Every benchmark prints a readable table and one `JSON: {...}` line, and takes `--quick`
(tiny sizes, < 60 s) so CI can prove it still works. Nothing here asserts a time: this
machine is shared and noisy, so figures are medians, p95s and same-run ratios.
"""
