/* fastbench_c: the hand-written C baseline for benchmarks/kernels.fx.
 *
 * What a careful human writes when they want these three functions fast:
 * METH_FASTCALL entry points (no keyword parsing), argument count and type
 * checks, the buffer protocol with PyBUF_STRIDES | PyBUF_FORMAT, a dtype check
 * (format 'd', itemsize 8), strides honoured, buffers released on every path, and
 * the GIL released around long loops only (releasing it costs more than a short loop).  Same semantics as kernels.fx:
 *   add(a, b)   -> a + b on int64, wrapping on overflow (as fastext's i64 does);
 *   sum1(x)     -> sequential left-to-right sum of x;
 *   dot(x, y)   -> sequential sum of x[i] * y[i] for i in range(len(x));
 *                  IndexError if y is shorter than x (kernels.fx indexes y[i]).
 *
 * Built on the spot by benchmarks/run.py:
 *   gcc -O3 -march=native -ffp-contract=off -shared -fPIC -I<python include> fastbench_c.c
 * (-ffp-contract=off: no fused multiply-add, so dot rounds like Python and fastext do
 * and every result equals the plain-Python one bit for bit.)
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* Loops at least this long run with the GIL released. */
#define GIL_RELEASE_THRESHOLD 16384

static PyObject *
fb_add(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    if (nargs != 2) {
        PyErr_Format(PyExc_TypeError, "add() takes exactly 2 arguments (%zd given)", nargs);
        return NULL;
    }
    long long a = PyLong_AsLongLong(args[0]);   /* int or __index__; TypeError otherwise */
    if (a == -1 && PyErr_Occurred())
        return NULL;
    long long b = PyLong_AsLongLong(args[1]);
    if (b == -1 && PyErr_Occurred())
        return NULL;
    return PyLong_FromLongLong((long long)((unsigned long long)a + (unsigned long long)b));
}

static int
is_f64_format(const char *fmt)
{
    if (fmt == NULL)                 /* NULL format means unsigned bytes */
        return 0;
    if (fmt[0] == '@' || fmt[0] == '=')
        fmt++;
#if PY_LITTLE_ENDIAN
    else if (fmt[0] == '<')
        fmt++;
#else
    else if (fmt[0] == '>' || fmt[0] == '!')
        fmt++;
#endif
    return fmt[0] == 'd' && fmt[1] == '\0';
}

/* Get a 1-d float64 buffer for parameter `name` of function `func`; -1 with an exception set on error. */
static int
get_f64_vector(PyObject *obj, Py_buffer *view, const char *func, const char *name)
{
    if (PyObject_GetBuffer(obj, view, PyBUF_STRIDES | PyBUF_FORMAT) < 0) {
        PyErr_Format(PyExc_TypeError,
                     "%s() argument '%s' must be a 1-d float64 buffer, not %.100s",
                     func, name, Py_TYPE(obj)->tp_name);
        return -1;
    }
    if (view->ndim != 1 || view->itemsize != 8 || !is_f64_format(view->format)) {
        PyErr_Format(PyExc_ValueError,
                     "%s() argument '%s' must be a 1-d float64 buffer (got ndim=%d, format '%s')",
                     func, name, view->ndim, view->format ? view->format : "B");
        PyBuffer_Release(view);
        return -1;
    }
    return 0;
}

/* One strided loop serves contiguous and strided buffers alike.  A separate
 * contiguous loop (`const double *x; s += x[i] * y[i]`) was measured slower: gcc -O3
 * -march=native vectorizes its products and then adds the lanes one by one (the sum
 * must stay in order), 1.2-1.3 ns per element against 0.7-0.9 ns for this loop. */
static double
sum_strided(const char *p, Py_ssize_t n, Py_ssize_t stride)
{
    double s = 0.0;
    for (Py_ssize_t i = 0; i < n; i++)
        s += *(const double *)(p + i * stride);
    return s;
}

static double
dot_strided(const char *px, Py_ssize_t sx, const char *py, Py_ssize_t sy, Py_ssize_t n)
{
    double s = 0.0;
    for (Py_ssize_t i = 0; i < n; i++)
        s += *(const double *)(px + i * sx) * *(const double *)(py + i * sy);
    return s;
}

static PyObject *
fb_sum1(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    if (nargs != 1) {
        PyErr_Format(PyExc_TypeError, "sum1() takes exactly 1 argument (%zd given)", nargs);
        return NULL;
    }
    Py_buffer x;
    if (get_f64_vector(args[0], &x, "sum1", "x") < 0)
        return NULL;
    Py_ssize_t n = x.shape[0];
    Py_ssize_t stride = x.strides ? x.strides[0] : x.itemsize;
    double s;
    if (n >= GIL_RELEASE_THRESHOLD) {
        Py_BEGIN_ALLOW_THREADS
        s = sum_strided((const char *)x.buf, n, stride);
        Py_END_ALLOW_THREADS
    }
    else {
        s = sum_strided((const char *)x.buf, n, stride);
    }
    PyBuffer_Release(&x);
    return PyFloat_FromDouble(s);
}

static PyObject *
fb_dot(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    if (nargs != 2) {
        PyErr_Format(PyExc_TypeError, "dot() takes exactly 2 arguments (%zd given)", nargs);
        return NULL;
    }
    Py_buffer x, y;
    if (get_f64_vector(args[0], &x, "dot", "x") < 0)
        return NULL;
    if (get_f64_vector(args[1], &y, "dot", "y") < 0) {
        PyBuffer_Release(&x);
        return NULL;
    }
    Py_ssize_t n = x.shape[0];
    if (y.shape[0] < n) {
        PyErr_Format(PyExc_IndexError,
                     "dot(): index %zd out of range for 'y' of length %zd", y.shape[0], y.shape[0]);
        PyBuffer_Release(&y);
        PyBuffer_Release(&x);
        return NULL;
    }
    Py_ssize_t sx = x.strides ? x.strides[0] : x.itemsize;
    Py_ssize_t sy = y.strides ? y.strides[0] : y.itemsize;
    double s;
    if (n >= GIL_RELEASE_THRESHOLD) {
        Py_BEGIN_ALLOW_THREADS
        s = dot_strided((const char *)x.buf, sx, (const char *)y.buf, sy, n);
        Py_END_ALLOW_THREADS
    }
    else {
        s = dot_strided((const char *)x.buf, sx, (const char *)y.buf, sy, n);
    }
    PyBuffer_Release(&y);
    PyBuffer_Release(&x);
    return PyFloat_FromDouble(s);
}

static PyMethodDef fb_methods[] = {
    {"add", (PyCFunction)(void (*)(void))fb_add, METH_FASTCALL,
     "add($module, a, b, /)\n--\n\nReturn a + b as int64 (wrapping)."},
    {"sum1", (PyCFunction)(void (*)(void))fb_sum1, METH_FASTCALL,
     "sum1($module, x, /)\n--\n\nSequential sum of a 1-d float64 buffer."},
    {"dot", (PyCFunction)(void (*)(void))fb_dot, METH_FASTCALL,
     "dot($module, x, y, /)\n--\n\nSequential dot product of two 1-d float64 buffers."},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot fb_slots[] = {
    {0, NULL},
};

static struct PyModuleDef fb_module = {
    PyModuleDef_HEAD_INIT,
    "fastbench_c",
    "Hand-written C baseline for the fastext benchmarks.",
    0,
    fb_methods,
    fb_slots,
    NULL, NULL, NULL,
};

PyMODINIT_FUNC
PyInit_fastbench_c(void)
{
    return PyModuleDef_Init(&fb_module);
}
