"""Reference values for the exact Poisson rate interval, from SciPy (`python3 poisson-reference.py`).

R's poisson.test(x, T)$conf.int (the Garwood interval) is
  lower = qgamma(alpha/2, x) / T        (0 when x = 0)
  upper = qgamma(1 - alpha/2, x + 1) / T
and, equivalently, qchisq(alpha/2, 2x)/2/T and qchisq(1 - alpha/2, 2x + 2)/2/T. Both forms are
printed so that the two SciPy routes check each other. The tests quote this output; they do not need
SciPy to run.
"""
import scipy
from scipy import stats

print("scipy", scipy.__version__)


def show(label, x, t, level=0.95):
    a = 1 - level
    lower = 0.0 if x == 0 else stats.gamma.ppf(a / 2, x) / t
    upper = stats.gamma.ppf(1 - a / 2, x + 1) / t
    lower_chi = 0.0 if x == 0 else stats.chi2.ppf(a / 2, 2 * x) / 2 / t
    upper_chi = stats.chi2.ppf(1 - a / 2, 2 * x + 2) / 2 / t
    assert abs(lower - lower_chi) <= 1e-12 * max(1, lower) and abs(upper - upper_chi) <= 1e-12 * upper
    print(f"{label} x={x} T={t!r} level={level} rate lower upper: {x / t:.15g} {lower:.15g} {upper:.15g}")


show("ZERO", 0, 12.5)
show("ONE", 1, 3.0)
show("SOME", 7, 41.3)
show("MANY", 123, 987.25)
show("LEVEL90", 4, 10.0, 0.90)

# The Wilson interval of "patients with a grade >= 3 event" reuses statistics/wilson-interval.ts, checked
# against R's prop.test(correct = FALSE) in statistics-reference.R.

# Output (SciPy 1.17.1, Python 3.11.7):
#   scipy 1.17.1
#   ZERO x=0 T=12.5 level=0.95 rate lower upper: 0 0 0.295110356329115
#   ONE x=1 T=3.0 level=0.95 rate lower upper: 0.333333333333333 0.00843926932809663 1.8572144636463
#   SOME x=7 T=41.3 level=0.95 rate lower upper: 0.169491525423729 0.0681443838140404 0.349217321106595
#   MANY x=123 T=987.25 level=0.95 rate lower upper: 0.124588503418587 0.103545227136727 0.148651729362511
#   LEVEL90 x=4 T=10.0 level=0.9 rate lower upper: 0.4 0.136631839674983 0.915351902663757
