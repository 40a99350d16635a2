# Reference values for the statistics module, from R (Debian's R 4.2: `Rscript statistics-reference.R`).
# The tests quote this script's output; they do not need R to run.
options(digits = 15)
f <- function(...) cat(sprintf("%.15g", c(...)), "\n")
say <- function(label, ...) { cat(label, ": ", sep = ""); f(...) }

cat("R", R.version$major, R.version$minor, "\n")

# --- Summary: n, mean, SD, median, Q1, Q3 (type 7), min, max, t-based 95 % CI of the mean
summ <- function(label, x) {
  q <- quantile(x, c(.25, .5, .75), type = 7)
  say(paste(label, "mean sd median q1 q3 min max"), mean(x), sd(x), q[2], q[1], q[3], min(x), max(x))
  if (length(x) > 1 && sd(x) > 0) say(paste(label, "ci"), t.test(x)$conf.int)
}
summ("S1", c(2.1, 3.4, 1.9, 5.6, 4.2, 3.3, 2.8))
summ("TIES", c(1, 2, 2, 3, 3, 3, 10))
summ("TWO", c(4, 7))
summ("ONE", c(4.2))

# --- Paired data without ties or zeros
base <- c(4.1, 5.3, 3.8, 6.0, 4.7, 5.1, 3.9, 4.4)
fu   <- c(6.2, 7.9, 4.25, 9.3, 5.0, 8.8, 5.5, 4.3)
tt <- t.test(fu, base, paired = TRUE)
say("PAIRED t df p lower upper meandiff", tt$statistic, tt$parameter, tt$p.value, tt$conf.int, tt$estimate)
w <- wilcox.test(fu, base, paired = TRUE)
say("PAIRED wilcox V p", w$statistic, w$p.value); cat("  method:", w$method, "\n")
fold <- fu / base
g <- t.test(log(fold))
say("PAIRED gmfc lower upper", exp(mean(log(fold))), exp(g$conf.int))

# --- Wilcoxon: ties, zeros, both; n = 1; exact p capped at 1; n = 49 (exact) vs n = 50 (normal)
wil <- function(label, d) {
  w <- suppressWarnings(wilcox.test(100 + d, rep(100, length(d)), paired = TRUE))
  say(paste(label, "V p"), w$statistic, w$p.value)
}
wil("TIES_ONLY", c(1, 2, -1, 2, 3, 1, 4, -2))
wil("ZEROS_ONLY", c(1, 5, -2, 0, 3, 0, 4, 6))
wil("TIES_ZEROS", c(1, 2, -1, 2, 3, 1, 4, 0))
wil("ONE", c(3))
wil("CAPPED", c(1, -2, -3, 4))
d49 <- (1:49) * ifelse((1:49) %% 3 == 0, -1, 1)
d50 <- (1:50) * ifelse((1:50) %% 3 == 0, -1, 1)
wil("N49", d49)
wil("N50", d50)
w49n <- wilcox.test(100 + d49, rep(100, 49), paired = TRUE, exact = FALSE)
say("N49 normal approximation (for contrast) V p", w49n$statistic, w49n$p.value)

# --- Paired t: zero-variance differences are refused by R ("data are essentially constant")
print(tryCatch(t.test(c(2, 3, 4) + 1, c(2, 3, 4), paired = TRUE)$p.value, error = function(e) conditionMessage(e)))

# --- Wilson interval: prop.test(correct = FALSE)
wils <- function(x, n) say(sprintf("WILSON %d/%d lower upper", x, n), prop.test(x, n, correct = FALSE)$conf.int)
wils(7, 20); wils(0, 10); wils(10, 10); wils(1, 1)

# --- p.adjust with ties and a missing value
p <- c(0.01, 0.04, 0.03, 0.005, 0.2, 0.04)
say("HOLM", p.adjust(p, "holm"))
say("BH", p.adjust(p, "BH"))
pna <- c(0.02, NA, 0.001, 0.5)
say("HOLM_NA", p.adjust(pna, "holm"))
say("BH_NA", p.adjust(pna, "BH"))

# Output (R 4.2.2, Debian):
#   R 4 2.2 
#   S1 mean sd median q1 q3 min max: 3.32857142857143 1.27503501352484 3.3 2.45 3.8 1.9 5.6 
#   S1 ci: 2.14936071735635 4.50778213978651 
#   TIES mean sd median q1 q3 min max: 3.42857142857143 2.99205296617238 3 2 3 1 10 
#   TIES ci: 0.661383964064517 6.19575889307834 
#   TWO mean sd median q1 q3 min max: 5.5 2.12132034355964 5.5 4.75 6.25 4 7 
#   TWO ci: -13.559307104262 24.559307104262 
#   ONE mean sd median q1 q3 min max: 4.2 NA 4.2 4.2 4.2 4.2 4.2 
#   PAIRED t df p lower upper meandiff: 3.45227085601633 7 0.0106584907043825 0.549372817361172 2.93812718263883 1.74375 
#   PAIRED wilcox V p: 35 0.015625 
#     method: Wilcoxon signed rank exact test 
#   PAIRED gmfc lower upper: 1.33160164735518 1.12031785757263 1.58273202132197 
#   TIES_ONLY V p: 29 0.137563893909903 
#   ZEROS_ONLY V p: 19 0.0934924836898357 
#   TIES_ZEROS V p: 26 0.0498269496005039 
#   ONE V p: 1 1 
#   CAPPED V p: 5 1 
#   N49 V p: 817 0.0417038542324235 
#   N50 V p: 867 0.0270634921760479 
#   N49 normal approximation (for contrast) V p: 817 0.0424330262419392 
#   [1] "data are essentially constant"
#   WILSON 7/20 lower upper: 0.181191824101082 0.567145723314764 
#   WILSON 0/10 lower upper: 0 0.277532799862889 
#   WILSON 10/10 lower upper: 0.722467200137111 1 
#   WILSON 1/1 lower upper: 0.206549314377238 1 
#   Warning message:
#   In prop.test(x, n, correct = FALSE) :
#     Chi-squared approximation may be incorrect
#   HOLM: 0.05 0.12 0.12 0.03 0.2 0.12 
#   BH: 0.03 0.048 0.048 0.03 0.2 0.048 
#   HOLM_NA: 0.04 NA 0.003 0.5 
#   BH_NA: 0.03 NA 0.003 0.5 
