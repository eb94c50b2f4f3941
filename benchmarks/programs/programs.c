/* C versions of the issue-12 programs, written from the programs' public descriptions with the
 * same operation order as the Python sources in this folder (no fast-math), called through
 * ctypes by run.py.  Random numbers: xorshift64* (the programs' results that depend on them
 * are compared statistically, not exactly).  Where the Python program returns a list, the C
 * version returns it too, built as a C extension would (PyList_New + PyFloat_FromDouble +
 * PyList_SET_ITEM): the Python objects are part of the program's result. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static double eval_A(long i, long j) { return 1.0 / ((i + j) * (i + j + 1) / 2 + i + 1); }

static void times_u(const double *u, double *v, long n, int transpose) {
    for (long i = 0; i < n; i++) {
        double s = 0.0;
        for (long j = 0; j < n; j++) s += (transpose ? eval_A(j, i) : eval_A(i, j)) * u[j];
        v[i] = s;
    }
}

double spectralnorm(long n) {
    double *u = malloc(n * sizeof(double)), *v = malloc(n * sizeof(double)), *t = malloc(n * sizeof(double));
    for (long i = 0; i < n; i++) u[i] = 1.0;
    for (int k = 0; k < 10; k++) {
        times_u(u, t, n, 0); times_u(t, v, n, 1);
        times_u(v, t, n, 0); times_u(t, u, n, 1);
    }
    double vBv = 0.0, vv = 0.0;
    for (long i = 0; i < n; i++) { vBv += u[i] * v[i]; vv += v[i] * v[i]; }
    free(u); free(v); free(t);
    return sqrt(vBv / vv);
}

long mandelbrot(long size, unsigned char *out) {
    long at = 0;
    double fsize = (double)size;
    for (long y = 0; y < size; y++) {
        double ci = 2.0 * y / fsize - 1.0;
        int bits = 0, xb = 0;
        for (long x = 0; x < size; x++) {
            double cr = 2.0 * x / fsize - 1.5, zr = 0.0, zi = 0.0;
            int escaped = 0;
            for (int i = 0; i < 50; i++) {
                double tr = zr * zr - zi * zi + cr, ti = 2.0 * zr * zi + ci;
                zr = tr; zi = ti;
                if (zr * zr + zi * zi > 4.0) { escaped = 1; break; }
            }
            bits = (bits << 1) | (escaped ? 0 : 1);
            if (++xb == 8) { out[at++] = (unsigned char)bits; bits = 0; xb = 0; }
        }
        if (xb > 0) out[at++] = (unsigned char)(bits << (8 - xb));
    }
    return at;
}

long fannkuch(long n, long *checksum_out) {
    long perm1[32], perm[32], count[32];
    long maxflips = 0, checksum = 0, sign = 1;
    for (long i = 0; i < n; i++) perm1[i] = count[i] = i;
    for (;;) {
        long k = perm1[0];
        if (k) {
            memcpy(perm, perm1, n * sizeof(long));
            long flips = 1, kk = perm[k];
            while (kk) {
                for (long lo = 0, hi = k; lo < hi; lo++, hi--) { long t = perm[lo]; perm[lo] = perm[hi]; perm[hi] = t; }
                flips++; k = kk; kk = perm[kk];
            }
            if (maxflips < flips) maxflips = flips;
            checksum += sign > 0 ? flips : -flips;
        }
        if (sign > 0) { long t = perm1[0]; perm1[0] = perm1[1]; perm1[1] = t; sign = -1; }
        else {
            long t = perm1[1]; perm1[1] = perm1[2]; perm1[2] = t; sign = 1;
            long r;
            for (r = 2; r < n - 1; r++) {
                if (count[r]) break;
                count[r] = r;
                long p0 = perm1[0];
                memmove(perm1, perm1 + 1, (r + 1) * sizeof(long));
                perm1[r + 1] = p0;
            }
            if (r == n - 1 && !count[r]) { *checksum_out = checksum; return maxflips; }
            count[r]--;
        }
    }
}

long fib(long n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

static uint64_t rng_state = 88172645463325252ULL;
static uint64_t next_u64(void) {
    rng_state ^= rng_state >> 12; rng_state ^= rng_state << 25; rng_state ^= rng_state >> 27;
    return rng_state * 2685821657736338717ULL;
}

long parse_int(long t) {
    long n = 0;
    char s[32];
    for (long i = 1; i < t; i++) {
        n = (long)(next_u64() >> 32);
        snprintf(s, sizeof s, "0x%lx", n);
        long m = strtol(s, NULL, 16);
        if (m != n) abort();
    }
    return n;
}

static void qsort_kernel(double *a, long lo, long hi) {
    long i = lo, j = hi;
    while (i < hi) {
        double pivot = a[(lo + hi) / 2];
        while (i <= j) {
            while (a[i] < pivot) i++;
            while (a[j] > pivot) j--;
            if (i <= j) { double t = a[i]; a[i] = a[j]; a[j] = t; i++; j--; }
        }
        if (lo < j) qsort_kernel(a, lo, j);
        lo = i; j = hi;
    }
}

double sortperf(long n) {
    double *a = malloc(n * sizeof(double));
    for (long i = 0; i < n; i++) a[i] = (next_u64() >> 11) * 0x1.0p-53;
    qsort_kernel(a, 0, n - 1);
    double first = a[0];
    free(a);
    return first;
}

/* sortperf returning the sorted list, as julia.fx's sortperf does (called with the GIL held) */
PyObject *sortperf_list(long n) {
    double *a = malloc(n * sizeof(double));
    for (long i = 0; i < n; i++) a[i] = (next_u64() >> 11) * 0x1.0p-53;
    qsort_kernel(a, 0, n - 1);
    PyObject *out = PyList_New(n);
    for (long i = 0; out && i < n; i++) {
        PyObject *x = PyFloat_FromDouble(a[i]);
        if (!x) { Py_CLEAR(out); break; }
        PyList_SET_ITEM(out, i, x);
    }
    free(a);
    return out;
}

static long mandel(double re, double im) {
    double zr = re, zi = im;
    for (long n = 0; n < 80; n++) {
        if (hypot(zr, zi) > 2) return n;
        double t = zr * zr - zi * zi + re;
        zi = 2 * zr * zi + im; zr = t;
    }
    return 80;
}

long mandelperf(long *out) {
    long k = 0;
    for (int i = 0; i < 26; i++)
        for (int j = 0; j < 21; j++) out[k++] = mandel(-2.0 + 0.1 * i, -1.0 + 0.1 * j);
    return k;
}

double pisum(void) {
    double sum = 0.0;
    for (int j = 1; j <= 500; j++) {
        sum = 0.0;
        for (long k = 1; k <= 10000; k++) sum += 1.0 / (k * k);
    }
    return sum;
}

/* n-body: the five bodies of the Benchmarks Game, in the Python source's order of pairs and
 * operations (dict order sun, jupiter, saturn, uranus, neptune). */
#define PI 3.14159265358979323
#define SOLAR_MASS (4 * PI * PI)
#define DAYS_PER_YEAR 365.24

static void nbody_energy(double r[5][3], double v[5][3], const double *m, double *e_out) {
    double e = 0.0;
    for (int i = 0; i < 5; i++)
        for (int j = i + 1; j < 5; j++) {
            double dx = r[i][0] - r[j][0], dy = r[i][1] - r[j][1], dz = r[i][2] - r[j][2];
            e -= (m[i] * m[j]) / pow(dx * dx + dy * dy + dz * dz, 0.5);
        }
    for (int i = 0; i < 5; i++) e += m[i] * (v[i][0] * v[i][0] + v[i][1] * v[i][1] + v[i][2] * v[i][2]) / 2.;
    *e_out = e;
}

double nbody(long n) {
    double r[5][3] = {{0, 0, 0},
        {4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01},
        {8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01},
        {1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01},
        {1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01}};
    double v[5][3] = {{0, 0, 0},
        {1.66007664274403694e-03 * DAYS_PER_YEAR, 7.69901118419740425e-03 * DAYS_PER_YEAR, -6.90460016972063023e-05 * DAYS_PER_YEAR},
        {-2.76742510726862411e-03 * DAYS_PER_YEAR, 4.99852801234917238e-03 * DAYS_PER_YEAR, 2.30417297573763929e-05 * DAYS_PER_YEAR},
        {2.96460137564761618e-03 * DAYS_PER_YEAR, 2.37847173959480950e-03 * DAYS_PER_YEAR, -2.96589568540237556e-05 * DAYS_PER_YEAR},
        {2.68067772490389322e-03 * DAYS_PER_YEAR, 1.62824170038242295e-03 * DAYS_PER_YEAR, -9.51592254519715870e-05 * DAYS_PER_YEAR}};
    double m[5] = {SOLAR_MASS, 9.54791938424326609e-04 * SOLAR_MASS, 2.85885980666130812e-04 * SOLAR_MASS,
                   4.36624404335156298e-05 * SOLAR_MASS, 5.15138902046611451e-05 * SOLAR_MASS};
    double px = 0, py = 0, pz = 0, e;
    for (int i = 0; i < 5; i++) { px -= v[i][0] * m[i]; py -= v[i][1] * m[i]; pz -= v[i][2] * m[i]; }
    v[0][0] = px / m[0]; v[0][1] = py / m[0]; v[0][2] = pz / m[0];
    nbody_energy(r, v, m, &e);
    const double dt = 0.01;
    for (long k = 0; k < n; k++) {
        for (int i = 0; i < 5; i++)
            for (int j = i + 1; j < 5; j++) {
                double dx = r[i][0] - r[j][0], dy = r[i][1] - r[j][1], dz = r[i][2] - r[j][2];
                double mag = dt * pow(dx * dx + dy * dy + dz * dz, -1.5);
                double b1m = m[i] * mag, b2m = m[j] * mag;
                v[i][0] -= dx * b2m; v[i][1] -= dy * b2m; v[i][2] -= dz * b2m;
                v[j][0] += dx * b1m; v[j][1] += dy * b1m; v[j][2] += dz * b1m;
            }
        for (int i = 0; i < 5; i++) { r[i][0] += dt * v[i][0]; r[i][1] += dt * v[i][1]; r[i][2] += dt * v[i][2]; }
    }
    nbody_energy(r, v, m, &e);
    return e;
}

/* others.fx's sieve: the flags as bytes, each prime's multiples cleared, the primes returned as
 * a Python list of ints (called with the GIL held) */
PyObject *sieve(long n) {
    unsigned char *flags = malloc(n + 1);
    memset(flags, 1, n + 1);
    flags[0] = flags[1] = 0;
    for (long i = 2; i * i <= n; i++)
        if (flags[i])
            for (long j = i * i; j <= n; j += i) flags[j] = 0;
    long count = 0;
    for (long i = 0; i <= n; i++) count += flags[i];
    PyObject *out = PyList_New(count);
    for (long i = 0, k = 0; out && i <= n; i++) {
        if (!flags[i]) continue;
        PyObject *x = PyLong_FromLong(i);
        if (!x) { Py_CLEAR(out); break; }
        PyList_SET_ITEM(out, k++, x);
    }
    free(flags);
    return out;
}

/* generators.fx's euler7: trial division by the primes found so far (no printing) */
long euler7(long k) {
    long *found = malloc(k * sizeof(long)), nf = 0;
    for (long n = 2;; n++) {
        int is_prime = 1;
        for (long j = 0; j < nf; j++) {
            long p = found[j];
            if (p * p > n) break;
            if (n % p == 0) { is_prime = 0; break; }
        }
        if (is_prime) {
            found[nf++] = n;
            if (nf == k) { free(found); return n; }
        }
    }
}

/* ---- round 9 (suites9.fx) ---- */

/* binary-trees: one malloc per node, as the Python program allocates one object per node. */
typedef struct tree { struct tree *left, *right; } tree;

static tree *grow(long depth) {
    tree *t = malloc(sizeof(tree));
    if (depth <= 0) { t->left = t->right = NULL; }
    else { t->left = grow(depth - 1); t->right = grow(depth - 1); }
    return t;
}

static long nodes(const tree *t) { return t->left == NULL ? 1 : 1 + nodes(t->left) + nodes(t->right); }

static void fell(tree *t) {
    if (t->left) { fell(t->left); fell(t->right); }
    free(t);
}

long binary_trees(long depth) {
    long shallowest = 4, deepest = depth > shallowest + 2 ? depth : shallowest + 2, total = 0;
    tree *stretch = grow(deepest + 1);
    (void)nodes(stretch);
    fell(stretch);
    tree *keep = grow(deepest);
    for (long d = shallowest; d <= deepest; d += 2) {
        long rounds = 1L << (deepest - d + shallowest), seen = 0;
        for (long r = 0; r < rounds; r++) { tree *t = grow(d); seen += nodes(t); fell(t); }
        total += seen;
    }
    (void)nodes(keep);
    fell(keep);
    return total;
}

/* The Benchmarks Game's generator with the fasta frequencies of a, c, g, t. */
static char *dna(long n, long seed) {
    static const double probs[4] = {0.3029549426680, 0.5009432431601, 0.6984905497992, 1.0};
    char *s = malloc(n + 1);
    long last = seed;
    for (long i = 0; i < n; i++) {
        last = (last * 3877 + 29573) % 139968;
        double r = last / 139968.0;
        int k = 0;
        while (probs[k] < r) k++;
        s[i] = "acgt"[k];
    }
    s[n] = 0;
    return s;
}

/* k-nucleotide: an open-addressing table keyed by the k-mer's bytes (FNV-1a), as a dict of str. */
typedef struct { const char *word; long count; } slot;

static long kmer_count(const char *seq, long n, long k, const char *probe, long *distinct) {
    long cap = 1;
    while (cap < 2 * (n - k + 1) + 16) cap <<= 1;
    slot *table = calloc(cap, sizeof(slot));
    long used = 0;
    for (long i = 0; i + k <= n; i++) {
        uint64_t h = 1469598103934665603ULL;
        for (long j = 0; j < k; j++) h = (h ^ (unsigned char)seq[i + j]) * 1099511628211ULL;
        long at = (long)(h & (cap - 1));
        while (table[at].word && memcmp(table[at].word, seq + i, k) != 0) at = (at + 1) & (cap - 1);
        if (!table[at].word) { table[at].word = seq + i; used++; }
        table[at].count++;
    }
    long found = 0;
    if (probe) {
        for (long at = 0; at < cap; at++)
            if (table[at].word && memcmp(table[at].word, probe, k) == 0) found = table[at].count;
    }
    free(table);
    *distinct = used;
    return found;
}

long knucleotide(long n) {
    char *seq = dna(n, 42);
    for (long i = 0; i < n; i++) seq[i] -= 32;          /* upper() */
    long distinct, found = 0;
    kmer_count(seq, n, 1, NULL, &distinct);
    kmer_count(seq, n, 2, NULL, &distinct);
    static const char *probes[5] = {"GGT", "GGTA", "GGTATT", "GGTATTTTAATT", "GGTATTTTAATTTATAGT"};
    for (int p = 0; p < 5; p++) found += kmer_count(seq, n, (long)strlen(probes[p]), probes[p], &distinct);
    free(seq);
    return found;
}

/* reverse-complement: the reversed complement built, then cut into lines of 60. */
long revcomp(long n) {
    char *seq = dna(n, 7), *flipped = malloc(n + 1);
    for (long i = 0; i < n; i++) {
        char c = seq[n - 1 - i];
        flipped[i] = c == 'a' ? 'T' : c == 'c' ? 'G' : c == 'g' ? 'C' : 'A';
    }
    long checksum = 0;
    for (long start = 0; start < n; start += 60) {
        long len = n - start < 60 ? n - start : 60;
        checksum = (checksum * 31 + (unsigned char)flipped[start] + len) % 1000003;
    }
    free(seq); free(flipped);
    return checksum;
}

/* pidigits: the same bounded spigot, ten digits more than asked for. */
long pidigits(long n) {
    long steps = n + 10, width = steps * 10 / 3 + 2, held = 0, nines = 0, count = 0;
    long *rem = malloc(width * sizeof(long)), *out = malloc((steps + 16) * sizeof(long));
    for (long i = 0; i < width; i++) rem[i] = 2;
    for (long step = 0; step < steps; step++) {
        long carry = 0;
        for (long i = width - 1; i > 0; i--) {
            long num = rem[i] * 10 + carry * (i + 1);
            rem[i] = num % (2 * i + 1);
            carry = num / (2 * i + 1);
        }
        long num = rem[0] * 10 + carry;
        rem[0] = num % 10;
        long digit = num / 10;
        if (digit == 9) nines++;
        else if (digit == 10) {
            out[count++] = held + 1;
            for (long j = 0; j < nines; j++) out[count++] = 0;
            held = 0; nines = 0;
        } else {
            if (step > 0) out[count++] = held;
            for (long j = 0; j < nines; j++) out[count++] = 9;
            held = digit; nines = 0;
        }
    }
    long sum = 0;
    for (long i = 0; i < n && i < count; i++) sum += out[i];
    free(rem); free(out);
    return sum;
}

/* look-and-say: each term written into a buffer grown by doubling (the run's digits by hand). */
long look_and_say(long n) {
    long len = 1, cap = 16;
    char *term = malloc(cap);
    term[0] = '1';
    for (long k = 0; k < n; k++) {
        long ncap = 2 * len + 16, nlen = 0, run = 1;
        char *next = malloc(ncap);
        for (long i = 1; i <= len; i++) {
            if (i < len && term[i] == term[i - 1]) { run++; continue; }
            char digits[24];
            int d = 0;
            for (long r = run; r > 0; r /= 10) digits[d++] = (char)('0' + r % 10);
            if (nlen + d + 1 > ncap) { ncap = 2 * ncap + d + 1; next = realloc(next, ncap); }
            while (d > 0) next[nlen++] = digits[--d];
            next[nlen++] = term[i - 1];
            run = 1;
        }
        free(term);
        term = next; len = nlen;
    }
    free(term);
    return len;
}
