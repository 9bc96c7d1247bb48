"""Plans: what a force will cost month by month, when it reaches strength, when the money runs out.

`rows` holds what the selectors read, `engine` computes a plan day by day from them (pure, exact
money), `derived` writes the targets of the derived scenarios, `risks` dates what breaks next.
"""
