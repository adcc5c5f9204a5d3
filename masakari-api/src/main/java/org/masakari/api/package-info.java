package org.masakari.api;
