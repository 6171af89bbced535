"""`invoke bench`: build a synthetic corpus as bare Pelican and as this site, and report.

Modules: corpus (the synthetic posts and images), runners (what each variant
runs), measure (wall, CPU and memory of a child process tree), serve (the dev
server's rebuild loop), profile (cProfile of a warm build), report (medians,
ratios, table, JSON, growth exponent), cli (the command line; tools/bench.py
starts it).

Figures go into notes and issues, never into test assertions: the machines
here are shared and noisy.
"""
