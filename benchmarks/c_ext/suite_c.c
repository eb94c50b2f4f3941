/* suite_c: the hand-written C baseline for benchmarks/suite.fx (the issue-3 suite).
 *
 * Same algorithms in the same operation order as suite.fx, so every result equals the
 * plain-Python one bit for bit (except sum_fastmath, which reassociates like fastext's
 * @fastmath).  What a careful human writes: METH_FASTCALL entry points, argument count
 * and type checks, the buffer protocol (PyBUF_STRIDES | PyBUF_FORMAT, plus
 * PyBUF_WRITABLE for outputs), format / itemsize / rank checks, strides honoured,
 * a contiguous fast path where it lets gcc vectorise, buffers released on every path,
 * the GIL released around the work.  Python's errors are kept where the .fx code can
 * raise them (int() of NaN / out-of-range float in histogram; IndexError in dot).
 *
 * Built on the spot by benchmarks/run_suite.py:
 *   gcc -O3 -march=native -ffp-contract=off -shared -fPIC -I<python include> suite_c.c
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

/* ------------------------------------------------------------------ buffers */

static const char *
skip_byteorder(const char *fmt)
{
    if (fmt[0] == '@' || fmt[0] == '=')
        return fmt + 1;
#if PY_LITTLE_ENDIAN
    if (fmt[0] == '<')
        return fmt + 1;
#endif
    return fmt;
}

/* kind: 'd' float64, 'i' int32, 'q' int64 (also 'l' of size 8), 'B' uint8 */
static int
format_ok(const Py_buffer *v, char kind)
{
    const char *f = v->format ? skip_byteorder(v->format) : "B";
    switch (kind) {
    case 'd': return v->itemsize == 8 && f[0] == 'd' && f[1] == 0;
    case 'i': return v->itemsize == 4 && (f[0] == 'i' || (f[0] == 'l' && sizeof(long) == 4)) && f[1] == 0;
    case 'q': return v->itemsize == 8 && (f[0] == 'q' || (f[0] == 'l' && sizeof(long) == 8)) && f[1] == 0;
    case 'B': return v->itemsize == 1 && f[0] == 'B' && f[1] == 0;
    }
    return 0;
}

static int
get_buf(PyObject *obj, Py_buffer *v, char kind, int ndim, int writable, const char *func, const char *name)
{
    int flags = PyBUF_STRIDES | PyBUF_FORMAT | (writable ? PyBUF_WRITABLE : 0);
    if (PyObject_GetBuffer(obj, v, flags) < 0) {
        PyErr_Format(PyExc_TypeError, "%s() argument '%s' must be a %s%d-d buffer of '%c', not %.100s",
                     func, name, writable ? "writable " : "", ndim, kind, Py_TYPE(obj)->tp_name);
        return -1;
    }
    if (v->ndim != ndim || !format_ok(v, kind)) {
        PyErr_Format(PyExc_ValueError, "%s() argument '%s' must be a %d-d buffer of '%c' (got ndim=%d, format '%s')",
                     func, name, ndim, kind, v->ndim, v->format ? v->format : "B");
        PyBuffer_Release(v);
        return -1;
    }
    return 0;
}

#define STRIDE(v, k) ((v).strides ? (v).strides[k] : (v).itemsize)
#define AT(T, v, i) (*(T *)((char *)(v).buf + (i) * STRIDE(v, 0)))
#define AT2(T, v, i, j) (*(T *)((char *)(v).buf + (i) * (v).strides[0] + (j) * (v).strides[1]))

static int
check_nargs(const char *func, Py_ssize_t nargs, Py_ssize_t want)
{
    if (nargs != want) {
        PyErr_Format(PyExc_TypeError, "%s() takes exactly %zd arguments (%zd given)", func, want, nargs);
        return -1;
    }
    return 0;
}

static int
get_double(PyObject *o, double *out)
{
    *out = PyFloat_AsDouble(o);
    return (*out == -1.0 && PyErr_Occurred()) ? -1 : 0;
}

static int
get_i64(PyObject *o, long long *out)
{
    *out = PyLong_AsLongLong(o);
    return (*out == -1 && PyErr_Occurred()) ? -1 : 0;
}

/* ------------------------------------------------------------------ sum / dot / axpy */

/* Sequential sums: one strided loop (as fastbench_c.c: a separate contiguous loop was
 * measured slower for the in-order reduction). */
static PyObject *
c_sum_seq(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_buffer x;
    if (check_nargs("sum_seq", nargs, 1) < 0 || get_buf(args[0], &x, 'd', 1, 0, "sum_seq", "x") < 0)
        return NULL;
    Py_ssize_t n = x.shape[0], sx = STRIDE(x, 0);
    const char *p = x.buf;
    double s = 0.0;
    Py_BEGIN_ALLOW_THREADS
    for (Py_ssize_t i = 0; i < n; i++)
        s += *(const double *)(p + i * sx);
    Py_END_ALLOW_THREADS
    PyBuffer_Release(&x);
    return PyFloat_FromDouble(s);
}

/* The @fastmath row: reassociation allowed for this function only (like LLVM's
 * reassoc/nsz/arcp on fastext's @fastmath; NaN and infinities keep their meaning). */
__attribute__((optimize("associative-math", "no-signed-zeros", "no-trapping-math", "reciprocal-math")))
static double
sum_fast_contig(const double *x, Py_ssize_t n)
{
    double s = 0.0;
    for (Py_ssize_t i = 0; i < n; i++)
        s += x[i];
    return s;
}

__attribute__((optimize("associative-math", "no-signed-zeros", "no-trapping-math", "reciprocal-math")))
static double
sum_fast_strided(const char *p, Py_ssize_t n, Py_ssize_t sx)
{
    double s = 0.0;
    for (Py_ssize_t i = 0; i < n; i++)
        s += *(const double *)(p + i * sx);
    return s;
}

static PyObject *
c_sum_fastmath(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_buffer x;
    if (check_nargs("sum_fastmath", nargs, 1) < 0 || get_buf(args[0], &x, 'd', 1, 0, "sum_fastmath", "x") < 0)
        return NULL;
    Py_ssize_t n = x.shape[0], sx = STRIDE(x, 0);
    double s;
    Py_BEGIN_ALLOW_THREADS
    s = sx == 8 ? sum_fast_contig(x.buf, n) : sum_fast_strided(x.buf, n, sx);
    Py_END_ALLOW_THREADS
    PyBuffer_Release(&x);
    return PyFloat_FromDouble(s);
}

static PyObject *
c_dot(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_buffer x, y;
    if (check_nargs("dot", nargs, 2) < 0 || get_buf(args[0], &x, 'd', 1, 0, "dot", "x") < 0)
        return NULL;
    if (get_buf(args[1], &y, 'd', 1, 0, "dot", "y") < 0) {
        PyBuffer_Release(&x);
        return NULL;
    }
    Py_ssize_t n = x.shape[0];
    if (y.shape[0] < n) {
        PyErr_Format(PyExc_IndexError, "dot(): index %zd out of range for 'y'", y.shape[0]);
        PyBuffer_Release(&y);
        PyBuffer_Release(&x);
        return NULL;
    }
    Py_ssize_t sx = STRIDE(x, 0), sy = STRIDE(y, 0);
    const char *px = x.buf, *py = y.buf;
    double s = 0.0;
    Py_BEGIN_ALLOW_THREADS
    for (Py_ssize_t i = 0; i < n; i++)
        s += *(const double *)(px + i * sx) * *(const double *)(py + i * sy);
    Py_END_ALLOW_THREADS
    PyBuffer_Release(&y);
    PyBuffer_Release(&x);
    return PyFloat_FromDouble(s);
}

static PyObject *
c_axpy(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    double a;
    Py_buffer x, y;
    if (check_nargs("axpy", nargs, 3) < 0 || get_double(args[0], &a) < 0)
        return NULL;
    if (get_buf(args[1], &x, 'd', 1, 0, "axpy", "x") < 0)
        return NULL;
    if (get_buf(args[2], &y, 'd', 1, 1, "axpy", "y") < 0) {
        PyBuffer_Release(&x);
        return NULL;
    }
    Py_ssize_t n = x.shape[0];
    if (y.shape[0] < n) {
        PyErr_Format(PyExc_IndexError, "axpy(): index %zd out of range for 'y'", y.shape[0]);
        PyBuffer_Release(&y);
        PyBuffer_Release(&x);
        return NULL;
    }
    Py_ssize_t sx = STRIDE(x, 0), sy = STRIDE(y, 0);
    Py_BEGIN_ALLOW_THREADS
    if (sx == 8 && sy == 8) {          /* contiguous: gcc vectorises (with a runtime alias check) */
        const double *px = x.buf;
        double *py = y.buf;
        for (Py_ssize_t i = 0; i < n; i++)
            py[i] += a * px[i];
    }
    else {
        for (Py_ssize_t i = 0; i < n; i++)
            AT(double, y, i) += a * AT(double, x, i);
    }
    Py_END_ALLOW_THREADS
    PyBuffer_Release(&y);
    PyBuffer_Release(&x);
    Py_RETURN_NONE;
}

/* ------------------------------------------------------------------ mandelbrot */

/* CPython's complex arithmetic, spelled out: z*z is _Py_c_prod (no C99 NaN recovery),
 * + c is _Py_c_sum. */
static PyObject *
c_mandelbrot(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_buffer out;
    double xmin, xmax, ymin, ymax;
    long long maxiter;
    if (check_nargs("mandelbrot", nargs, 6) < 0 || get_double(args[1], &xmin) < 0 ||
        get_double(args[2], &xmax) < 0 || get_double(args[3], &ymin) < 0 ||
        get_double(args[4], &ymax) < 0 || get_i64(args[5], &maxiter) < 0)
        return NULL;
    if (get_buf(args[0], &out, 'i', 2, 1, "mandelbrot", "out") < 0)
        return NULL;
    Py_ssize_t h = out.shape[0], w = out.shape[1];
    if (w == 0 || h == 0) {             /* (xmax - xmin) / w raises in Python */
        PyBuffer_Release(&out);
        PyErr_SetString(PyExc_ZeroDivisionError, "float division by zero");
        return NULL;
    }
    double dx = (xmax - xmin) / (double)w;
    double dy = (ymax - ymin) / (double)h;
    Py_BEGIN_ALLOW_THREADS
    for (Py_ssize_t j = 0; j < h; j++) {
        double y = ymin + (double)j * dy;
        for (Py_ssize_t i = 0; i < w; i++) {
            double cr = xmin + (double)i * dx, ci = y;
            double zr = 0.0, zi = 0.0;
            long long n = 0;
            while (n < maxiter) {
                if (zr * zr + zi * zi > 4.0)
                    break;
                double tr = zr * zr - zi * zi;
                double ti = zr * zi + zi * zr;
                zr = tr + cr;
                zi = ti + ci;
                n++;
            }
            AT2(int32_t, out, j, i) = (int32_t)n;
        }
    }
    Py_END_ALLOW_THREADS
    PyBuffer_Release(&out);
    Py_RETURN_NONE;
}

/* ------------------------------------------------------------------ n-body */

/* The benchmarks-game program: the bodies are copied into a local array of structs,
 * advanced, and copied back (as the C programs of the benchmarks game keep them). */
struct body { double x, y, z, vx, vy, vz, m; };

static PyObject *
c_nbody(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_buffer pos, vel, mass;
    long long steps;
    double dt;
    if (check_nargs("nbody", nargs, 5) < 0 || get_i64(args[3], &steps) < 0 || get_double(args[4], &dt) < 0)
        return NULL;
    if (get_buf(args[0], &pos, 'd', 2, 1, "nbody", "pos") < 0)
        return NULL;
    if (get_buf(args[1], &vel, 'd', 2, 1, "nbody", "vel") < 0) {
        PyBuffer_Release(&pos);
        return NULL;
    }
    if (get_buf(args[2], &mass, 'd', 1, 0, "nbody", "mass") < 0) {
        PyBuffer_Release(&vel);
        PyBuffer_Release(&pos);
        return NULL;
    }
    Py_ssize_t n = mass.shape[0];
    PyObject *result = NULL;
    struct body *b = NULL;
    if (pos.shape[0] < n || vel.shape[0] < n || pos.shape[1] < 3 || vel.shape[1] < 3) {
        PyErr_SetString(PyExc_IndexError, "nbody(): pos/vel must be at least (len(mass), 3)");
        goto done;
    }
    b = PyMem_Malloc(sizeof(struct body) * (n ? n : 1));
    if (b == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        b[i].x = AT2(double, pos, i, 0); b[i].y = AT2(double, pos, i, 1); b[i].z = AT2(double, pos, i, 2);
        b[i].vx = AT2(double, vel, i, 0); b[i].vy = AT2(double, vel, i, 1); b[i].vz = AT2(double, vel, i, 2);
        b[i].m = AT(double, mass, i);
    }
    double e = 0.0;
    Py_BEGIN_ALLOW_THREADS
    for (long long s = 0; s < steps; s++) {
        for (Py_ssize_t i = 0; i < n; i++) {
            for (Py_ssize_t j = i + 1; j < n; j++) {
                double dx = b[i].x - b[j].x, dy = b[i].y - b[j].y, dz = b[i].z - b[j].z;
                double d2 = dx * dx + dy * dy + dz * dz;
                double mag = dt / (d2 * sqrt(d2));
                double mi = b[i].m * mag, mj = b[j].m * mag;
                b[i].vx -= dx * mj; b[i].vy -= dy * mj; b[i].vz -= dz * mj;
                b[j].vx += dx * mi; b[j].vy += dy * mi; b[j].vz += dz * mi;
            }
        }
        for (Py_ssize_t i = 0; i < n; i++) {
            b[i].x += dt * b[i].vx; b[i].y += dt * b[i].vy; b[i].z += dt * b[i].vz;
        }
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        e += 0.5 * b[i].m * (b[i].vx * b[i].vx + b[i].vy * b[i].vy + b[i].vz * b[i].vz);
        for (Py_ssize_t j = i + 1; j < n; j++) {
            double dx = b[i].x - b[j].x, dy = b[i].y - b[j].y, dz = b[i].z - b[j].z;
            e -= b[i].m * b[j].m / sqrt(dx * dx + dy * dy + dz * dz);
        }
    }
    Py_END_ALLOW_THREADS
    for (Py_ssize_t i = 0; i < n; i++) {
        AT2(double, pos, i, 0) = b[i].x; AT2(double, pos, i, 1) = b[i].y; AT2(double, pos, i, 2) = b[i].z;
        AT2(double, vel, i, 0) = b[i].vx; AT2(double, vel, i, 1) = b[i].vy; AT2(double, vel, i, 2) = b[i].vz;
    }
    result = PyFloat_FromDouble(e);
done:
    PyMem_Free(b);
    PyBuffer_Release(&mass);
    PyBuffer_Release(&vel);
    PyBuffer_Release(&pos);
    return result;
}

/* ------------------------------------------------------------------ spectral norm */

static inline double
eval_a(Py_ssize_t i, Py_ssize_t j)
{
    return 1.0 / (double)((i + j) * (i + j + 1) / 2 + i + 1);
}

static void
mul_av(const double *v, double *out, Py_ssize_t n)
{
    for (Py_ssize_t i = 0; i < n; i++) {
        double s = 0.0;
        for (Py_ssize_t j = 0; j < n; j++)
            s += eval_a(i, j) * v[j];
        out[i] = s;
    }
}

static void
mul_atv(const double *v, double *out, Py_ssize_t n)
{
    for (Py_ssize_t i = 0; i < n; i++) {
        double s = 0.0;
        for (Py_ssize_t j = 0; j < n; j++)
            s += eval_a(j, i) * v[j];
        out[i] = s;
    }
}

static PyObject *
c_spectral_norm(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_buffer bu, bv, bt;
    if (check_nargs("spectral_norm", nargs, 3) < 0 || get_buf(args[0], &bu, 'd', 1, 1, "spectral_norm", "u") < 0)
        return NULL;
    if (get_buf(args[1], &bv, 'd', 1, 1, "spectral_norm", "v") < 0) {
        PyBuffer_Release(&bu);
        return NULL;
    }
    if (get_buf(args[2], &bt, 'd', 1, 1, "spectral_norm", "tmp") < 0) {
        PyBuffer_Release(&bv);
        PyBuffer_Release(&bu);
        return NULL;
    }
    PyObject *result = NULL;
    Py_ssize_t n = bu.shape[0];
    /* the work arrays are contiguous in the benchmark; a careful human checks, not assumes */
    if (bv.shape[0] < n || bt.shape[0] < n || STRIDE(bu, 0) != 8 || STRIDE(bv, 0) != 8 || STRIDE(bt, 0) != 8) {
        PyErr_SetString(PyExc_ValueError, "spectral_norm(): u, v, tmp must be contiguous and of equal length");
        goto done;
    }
    double *u = bu.buf, *v = bv.buf, *tmp = bt.buf, vbv = 0.0, vv = 0.0;
    Py_BEGIN_ALLOW_THREADS
    for (Py_ssize_t i = 0; i < n; i++)
        u[i] = 1.0;
    for (int k = 0; k < 10; k++) {
        mul_av(u, tmp, n);
        mul_atv(tmp, v, n);
        mul_av(v, tmp, n);
        mul_atv(tmp, u, n);
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        vbv += u[i] * v[i];
        vv += v[i] * v[i];
    }
    Py_END_ALLOW_THREADS
    result = PyFloat_FromDouble(sqrt(vbv / vv));
done:
    PyBuffer_Release(&bt);
    PyBuffer_Release(&bv);
    PyBuffer_Release(&bu);
    return result;
}

/* ------------------------------------------------------------------ stencil */

static void
sweep_contig(const double *a, double *b, Py_ssize_t h, Py_ssize_t w)
{
    for (Py_ssize_t i = 1; i < h - 1; i++)
        for (Py_ssize_t j = 1; j < w - 1; j++)
            b[i * w + j] = 0.25 * (a[(i - 1) * w + j] + a[(i + 1) * w + j] + a[i * w + j - 1] + a[i * w + j + 1]);
}

static void
sweep_strided(Py_buffer *pa, Py_buffer *pb, Py_ssize_t h, Py_ssize_t w)
{
    Py_buffer a = *pa, b = *pb;
    for (Py_ssize_t i = 1; i < h - 1; i++)
        for (Py_ssize_t j = 1; j < w - 1; j++)
            AT2(double, b, i, j) = 0.25 * (AT2(double, a, i - 1, j) + AT2(double, a, i + 1, j) +
                                           AT2(double, a, i, j - 1) + AT2(double, a, i, j + 1));
}

static PyObject *
c_stencil(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_buffer a, b;
    long long sweeps;
    if (check_nargs("stencil", nargs, 3) < 0 || get_i64(args[2], &sweeps) < 0)
        return NULL;
    if (get_buf(args[0], &a, 'd', 2, 1, "stencil", "a") < 0)
        return NULL;
    if (get_buf(args[1], &b, 'd', 2, 1, "stencil", "b") < 0) {
        PyBuffer_Release(&a);
        return NULL;
    }
    Py_ssize_t h = a.shape[0], w = a.shape[1];
    if (b.shape[0] < h || b.shape[1] < w) {
        PyErr_SetString(PyExc_IndexError, "stencil(): b is smaller than a");
        PyBuffer_Release(&b);
        PyBuffer_Release(&a);
        return NULL;
    }
    int contig = a.strides[1] == 8 && b.strides[1] == 8 && a.strides[0] == 8 * w && b.strides[0] == 8 * w;
    Py_BEGIN_ALLOW_THREADS
    for (long long s = 0; s < sweeps; s++) {
        if (contig) {
            sweep_contig(a.buf, b.buf, h, w);
            sweep_contig(b.buf, a.buf, h, w);
        }
        else {
            sweep_strided(&a, &b, h, w);
            sweep_strided(&b, &a, h, w);
        }
    }
    Py_END_ALLOW_THREADS
    PyBuffer_Release(&b);
    PyBuffer_Release(&a);
    Py_RETURN_NONE;
}

/* ------------------------------------------------------------------ histogram */

static PyObject *
c_histogram(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_buffer x, c;
    double lo, hi;
    if (check_nargs("histogram", nargs, 4) < 0 || get_double(args[1], &lo) < 0 || get_double(args[2], &hi) < 0)
        return NULL;
    if (hi - lo == 0.0) {
        PyErr_SetString(PyExc_ZeroDivisionError, "float division by zero");
        return NULL;
    }
    if (get_buf(args[0], &x, 'd', 1, 0, "histogram", "x") < 0)
        return NULL;
    if (get_buf(args[3], &c, 'q', 1, 1, "histogram", "counts") < 0) {
        PyBuffer_Release(&x);
        return NULL;
    }
    Py_ssize_t n = x.shape[0], nb = c.shape[0], sx = STRIDE(x, 0), sc = STRIDE(c, 0);
    double scale = (double)nb / (hi - lo);
    const char *px = x.buf;
    char *pc = c.buf;
    int err = 0;
    Py_BEGIN_ALLOW_THREADS
    for (Py_ssize_t i = 0; i < n; i++) {
        double t = (*(const double *)(px + i * sx) - lo) * scale;
        if (isnan(t)) { err = 1; break; }                               /* int(nan): ValueError */
        if (!(t > -9223372036854775808.0 && t < 9223372036854775808.0)) { err = 2; break; }  /* OverflowError */
        int64_t k = (int64_t)t;
        if (0 <= k && k < nb)
            (*(int64_t *)(pc + k * sc))++;
    }
    Py_END_ALLOW_THREADS
    PyBuffer_Release(&c);
    PyBuffer_Release(&x);
    if (err == 1) {
        PyErr_SetString(PyExc_ValueError, "cannot convert float NaN to integer");
        return NULL;
    }
    if (err == 2) {
        PyErr_SetString(PyExc_OverflowError, "cannot convert float infinity to integer");
        return NULL;
    }
    Py_RETURN_NONE;
}

/* ------------------------------------------------------------------ fib */

static long long
fib(long long n)
{
    if (n < 2)
        return n;
    return (long long)((unsigned long long)fib(n - 1) + (unsigned long long)fib(n - 2));
}

static PyObject *
c_fib(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    long long n, r;
    if (check_nargs("fib", nargs, 1) < 0 || get_i64(args[0], &n) < 0)
        return NULL;
    Py_BEGIN_ALLOW_THREADS
    r = fib(n);
    Py_END_ALLOW_THREADS
    return PyLong_FromLongLong(r);
}

/* ------------------------------------------------------------------ byte scanning */

static PyObject *
c_count_byte(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_buffer b;
    long long value;
    if (check_nargs("count_byte", nargs, 2) < 0 || get_i64(args[1], &value) < 0)
        return NULL;
    if (value < 0 || value > 255) {
        PyErr_SetString(PyExc_OverflowError, "count_byte(): value out of range for u8");
        return NULL;
    }
    if (get_buf(args[0], &b, 'B', 1, 0, "count_byte", "buf") < 0)
        return NULL;
    Py_ssize_t n = b.shape[0], sb = STRIDE(b, 0);
    const unsigned char v = (unsigned char)value;
    long long count = 0;
    Py_BEGIN_ALLOW_THREADS
    if (sb == 1) {                      /* contiguous: gcc vectorises the compare-and-count */
        const unsigned char *p = b.buf;
        for (Py_ssize_t i = 0; i < n; i++)
            count += p[i] == v;
    }
    else {
        for (Py_ssize_t i = 0; i < n; i++)
            count += AT(unsigned char, b, i) == v;
    }
    Py_END_ALLOW_THREADS
    PyBuffer_Release(&b);
    return PyLong_FromLongLong(count);
}

/* ------------------------------------------------------------------ module */

#define M(name, doc) {#name, (PyCFunction)(void (*)(void))c_##name, METH_FASTCALL, doc}
static PyMethodDef methods[] = {
    M(sum_seq, "Sequential sum of a float64 vector."),
    M(sum_fastmath, "Sum of a float64 vector, reassociation allowed."),
    M(dot, "Sequential dot product."),
    M(axpy, "y += a * x."),
    M(mandelbrot, "Escape counts into out (int32, 2-d)."),
    M(nbody, "Advance the bodies `steps` times; return the energy."),
    M(spectral_norm, "Spectral norm of the benchmarks-game matrix (work arrays passed in)."),
    M(stencil, "`sweeps` pairs of 5-point Jacobi sweeps a -> b -> a."),
    M(histogram, "Count values of x into len(counts) equal bins over [lo, hi)."),
    M(fib, "Naive recursive Fibonacci."),
    M(count_byte, "Count the bytes equal to value."),
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot slots[] = {{0, NULL}};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "suite_c", "Hand-written C baseline for benchmarks/suite.fx.", 0, methods, slots,
    NULL, NULL, NULL,
};

PyMODINIT_FUNC
PyInit_suite_c(void)
{
    return PyModuleDef_Init(&module);
}
