// The whole engine: include this one header.
#pragma once

#include "conv2d.h"
#include "conv_transpose2d.h"
#include "geometry.h"
#include "limits.h"
#include "padding_modes.h"
#include "params.h"
#include "round_trip.h"
#include "status.h"
#include "tensor.h"
#include "transposed_as_conv.h"
